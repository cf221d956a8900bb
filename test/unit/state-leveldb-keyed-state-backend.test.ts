import t from 'tap';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pack, unpack } from 'msgpackr';
import { keyGroupRangeForOperator } from '../../lib/exchange/key-groups.ts';
import {
  HeapKeyedStateBackend,
  LevelDBKeyedStateBackend,
  ListStateDescriptor,
  MapStateDescriptor,
  ReducingStateDescriptor,
  ValueStateDescriptor,
  VoidNamespace,
  type KeyedStateBackend,
  type KeyGroupStateSnapshot,
} from '../../lib/state/index.ts';

const localDirectory = mkdtempSync(join(tmpdir(), 'sluice-test-leveldb-backend-'));
const created: KeyedStateBackend<unknown>[] = [];
t.teardown(async () => {
  await Promise.all(created.map((backend) => backend.dispose()));
  rmSync(localDirectory, { recursive: true, force: true });
});

const options = (maxParallelism = 128) => ({
  keyGroupRange: keyGroupRangeForOperator(maxParallelism, 1, 0),
  numberOfKeyGroups: maxParallelism,
  description: '"Counter" (1/1)',
});

async function leveldb(cacheEntries = 16, writeBatchEntries = 64): Promise<LevelDBKeyedStateBackend<unknown>> {
  const backend = await LevelDBKeyedStateBackend.create<unknown>({ ...options(), localDirectory, cacheEntries, writeBatchEntries });
  created.push(backend);
  return backend;
}

function heap(): HeapKeyedStateBackend<unknown> {
  const backend = new HeapKeyedStateBackend<unknown>(options());
  created.push(backend);
  return backend;
}

const count = new ValueStateDescriptor<number>('count', 0);
const seen = new MapStateDescriptor<string, number>('seen');
const recent = new ListStateDescriptor<number>('recent');
const sum = new ReducingStateDescriptor<number>('sum', (a, b) => a + b);

/** Every key's values, for comparison. */
function readAll(backend: KeyedStateBackend<unknown>, keys: number): unknown[] {
  return Array.from({ length: keys }, (_, key) => {
    backend.setCurrentKey(key);
    return [
      backend.getPartitionedState(VoidNamespace, count).value(),
      [...backend.getPartitionedState(VoidNamespace, seen).entries()],
      [...backend.getPartitionedState(VoidNamespace, recent).get()],
      backend.getPartitionedState('window-1', sum).get(),
    ];
  });
}

function writeAll(backend: KeyedStateBackend<unknown>, keys: number, round: number): void {
  for (let key = 0; key < keys; key++) {
    backend.setCurrentKey(key);
    const counter = backend.getPartitionedState(VoidNamespace, count);
    counter.update(counter.value()! + key);
    backend.getPartitionedState(VoidNamespace, seen).put(`round-${round}`, key);
    backend.getPartitionedState(VoidNamespace, recent).add(round);
    backend.getPartitionedState('window-1', sum).add(key);
  }
}

/** A snapshot as it comes back from checkpoint storage, its entries in one order for comparison. */
async function stored(backend: KeyedStateBackend<unknown>): Promise<KeyGroupStateSnapshot[]> {
  const snapshots = unpack(pack(await backend.snapshot())) as KeyGroupStateSnapshot[];
  for (const { states } of snapshots) for (const state of states) state.entries.sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
  for (const snapshot of snapshots) snapshot.states.sort((a, b) => a.name.localeCompare(b.name));
  return snapshots;
}

t.test('state many times the cache size round-trips through disk', async (t) => {
  const keys = 3_000;
  const backend = await leveldb(16, 64);
  const reference = heap();
  for (const round of [1, 2, 3]) {
    writeAll(backend, keys, round);
    writeAll(reference, keys, round);
  }
  t.same(readAll(backend, keys), readAll(reference, keys), 'read back while batches are in flight');
  await backend.snapshot();
  t.same(readAll(backend, keys), readAll(reference, keys), 'read back from the database, 16 values at a time in the cache');
  writeAll(backend, keys, 4);
  writeAll(reference, keys, 4);
  t.same(readAll(backend, keys), readAll(reference, keys), 'updated from values read off disk');
  t.same([...backend.getKeys('sum', 'window-1')].length, keys, 'getKeys finds every key of a namespace');
});

t.test('a snapshot holds the state as it was at its synchronous part, while the stream goes on', async (t) => {
  const backend = await leveldb(4, 8);
  writeAll(backend, 100, 1);
  const before = readAll(backend, 100);
  const snapshot = backend.snapshot();
  writeAll(backend, 100, 2);
  const restored = heap();
  for (const keyGroup of unpack(pack(await snapshot)) as KeyGroupStateSnapshot[]) restored.restoreKeyGroup(keyGroup);
  t.same(readAll(restored, 100), before, 'the writes after the snapshot are not in it');
  t.notSame(readAll(backend, 100), before, 'and the backend has them');
});

t.test('a checkpoint taken on LevelDB restores on the heap, and back: the snapshot format is one', async (t) => {
  const original = await leveldb(8, 32);
  writeAll(original, 200, 1);
  writeAll(original, 200, 2);
  const onHeap = heap();
  for (const keyGroup of await stored(original)) onHeap.restoreKeyGroup(keyGroup);
  t.same(readAll(onHeap, 200), readAll(original, 200), 'LevelDB → heap');
  t.same(await stored(onHeap), await stored(original), 'the same snapshot from both backends');
  const backOnDisk = await leveldb(8, 32);
  for (const keyGroup of await stored(onHeap)) backOnDisk.restoreKeyGroup(keyGroup);
  t.same(readAll(backOnDisk, 200), readAll(original, 200), 'heap → LevelDB');
});

t.test('each backend has a directory of its own, removed on dispose; a directory that cannot be made is named', async (t) => {
  const backend = await leveldb();
  t.ok(backend.directory.startsWith(join(localDirectory, 'sluice-leveldb-state-')));
  t.ok(existsSync(backend.directory));
  await backend.dispose();
  t.notOk(existsSync(backend.directory), 'gone after dispose');
  const missing = join(localDirectory, 'no', 'such', 'dir');
  await t.rejects(LevelDBKeyedStateBackend.create({ ...options(), localDirectory: missing }), { message: new RegExp(`^"Counter" \\(1/1\\): cannot create the LevelDB state backend's directory in ${missing}: `) });
});

t.test('a value msgpackr cannot encode fails the write that flushes it, naming the state and the key', async (t) => {
  const backend = await leveldb(4, 1);
  backend.setCurrentKey('a');
  t.throws(() => backend.getPartitionedState(VoidNamespace, new ValueStateDescriptor<unknown>('handlers')).update(() => 1),
    { name: 'StateEncodeError', message: 'state "handlers" of "Counter" (1/1), key "a": cannot encode a function' });
});
