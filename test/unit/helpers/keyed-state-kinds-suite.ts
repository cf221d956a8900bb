// The state-kind tests every keyed state backend must pass: one body, run for each backend.
import type { Test } from 'tap';
import { pack, unpack } from 'msgpackr';
import type { AggregateFunction } from '../../../lib/functions/aggregate-function.ts';
import {
  AggregatingStateDescriptor,
  DefaultKeyedStateStore,
  ListStateDescriptor,
  MapStateDescriptor,
  ReducingStateDescriptor,
  StateTtlConfig,
  ValueStateDescriptor,
  VoidNamespace,
  type TtlTimeProvider,
  type KeyedStateBackend,
  type KeyGroupStateSnapshot,
} from '../../../lib/state/index.ts';

export interface BackendFactoryOptions {
  parallelism: number;
  index: number;
  maxParallelism: number;
  ttlTimeProvider: TtlTimeProvider;
}

/** Creates a backend for the subtask; the suite disposes it. */
export type BackendFactory = (options: BackendFactoryOptions) => KeyedStateBackend<unknown> | Promise<KeyedStateBackend<unknown>>;

class Average implements AggregateFunction<number, { sum: number; count: number }, number> {
  createAccumulator() {
    return { sum: 0, count: 0 };
  }
  add(value: number, acc: { sum: number; count: number }) {
    return { sum: acc.sum + value, count: acc.count + 1 };
  }
  getResult(acc: { sum: number; count: number }) {
    return acc.sum / acc.count;
  }
  merge(a: { sum: number; count: number }, b: { sum: number; count: number }) {
    return { sum: a.sum + b.sum, count: a.count + b.count };
  }
}

export function keyedStateKindsSuite(t: Test, createBackend: BackendFactory): void {
  const created: KeyedStateBackend<unknown>[] = [];
  const clock = { now: 1_000, currentTimestamp: () => clock.now };
  const backend = async (parallelism = 1, index = 0, maxParallelism = 128) => {
    const b = await createBackend({ parallelism, index, maxParallelism, ttlTimeProvider: clock });
    created.push(b);
    return b;
  };
  t.teardown(async () => {
    await Promise.all(created.map((b) => b.dispose()));
  });

  t.test('ListState: get, add, addAll, update, clear per key', async (t) => {
    const keyed = await backend();
    const list = new DefaultKeyedStateStore(keyed).getListState(new ListStateDescriptor<string>('seen'));
    keyed.setCurrentKey('a');
    t.same([...list.get()], [], 'an empty list state is an empty iterable');
    list.add('x');
    list.addAll(['y', 'z']);
    keyed.setCurrentKey('b');
    list.add('q');
    keyed.setCurrentKey('a');
    t.same([...list.get()], ['x', 'y', 'z']);
    list.update(['only']);
    t.same([...list.get()], ['only']);
    list.update([]);
    t.same([...list.get()], [], 'update with an empty list clears');
    keyed.setCurrentKey('b');
    t.same([...list.get()], ['q']);
    list.clear();
    t.same([...list.get()], []);
    t.throws(() => list.add(null as unknown as string), { message: 'state "seen" of "Counter" (1/1): you cannot add null to a ListState' });
  });

  t.test('MapState: user keys compared by value, every accessor', async (t) => {
    const keyed = await backend();
    const map = new DefaultKeyedStateStore(keyed).getMapState(new MapStateDescriptor<[string, number], number>('counts'));
    keyed.setCurrentKey('k');
    t.ok(map.isEmpty());
    t.equal(map.get(['a', 1]), null);
    map.put(['a', 1], 10);
    map.putAll(new Map([[['b', 2] as [string, number], 20]]));
    map.putAll([[['c', 3], 30]]);
    t.equal(map.get(['a', 1]), 10, 'an equal array is the same user key');
    t.ok(map.contains(['b', 2]));
    t.notOk(map.contains(['b', 3]));
    t.same([...map.keys()], [['a', 1], ['b', 2], ['c', 3]]);
    t.same([...map.values()], [10, 20, 30]);
    t.same([...map.entries()], [[['a', 1], 10], [['b', 2], 20], [['c', 3], 30]]);
    map.remove(['b', 2]);
    t.notOk(map.contains(['b', 2]));
    keyed.setCurrentKey('other');
    t.ok(map.isEmpty(), 'another key has its own map');
    keyed.setCurrentKey('k');
    map.remove(['a', 1]);
    map.remove(['c', 3]);
    t.ok(map.isEmpty(), 'removing the last entry empties the map');
    map.put(['a', 1], 1);
    map.clear();
    t.ok(map.isEmpty());
  });

  t.test('ReducingState and AggregatingState fold each added value', async (t) => {
    const keyed = await backend();
    const store = new DefaultKeyedStateStore(keyed);
    const sum = store.getReducingState(new ReducingStateDescriptor<number>('sum', (a, b) => a + b));
    const average = store.getAggregatingState(new AggregatingStateDescriptor('average', new Average()));
    keyed.setCurrentKey('a');
    t.equal(sum.get(), null);
    t.equal(average.get(), null);
    for (const n of [1, 2, 6]) {
      sum.add(n);
      average.add(n);
    }
    keyed.setCurrentKey('b');
    sum.add(100);
    keyed.setCurrentKey('a');
    t.equal(sum.get(), 9);
    t.equal(average.get(), 3);
    average.clear();
    t.equal(average.get(), null);
    t.equal(sum.get(), 9);
  });

  t.test('mergeNamespaces merges list, reducing and aggregating state into the target namespace', async (t) => {
    const keyed = await backend();
    const list = keyed.getOrCreateKeyedState<number, ListStateDescriptor<string>>(new ListStateDescriptor<string>('contents'));
    const sum = keyed.getOrCreateKeyedState<number, ReducingStateDescriptor<number>>(new ReducingStateDescriptor<number>('sum', (a, b) => a + b));
    const average = keyed.getOrCreateKeyedState<number, AggregatingStateDescriptor<number, { sum: number; count: number }, number>>(new AggregatingStateDescriptor('average', new Average()));
    keyed.setCurrentKey('a');
    for (const [namespace, value] of [[1, 1], [2, 2], [3, 6], [4, 100]] as const) {
      for (const state of [list, sum, average]) state.setCurrentNamespace(namespace);
      list.add(`v${value}`);
      sum.add(value);
      average.add(value);
    }
    keyed.setCurrentKey('b');
    list.setCurrentNamespace(2);
    list.add('b2');
    keyed.setCurrentKey('a');
    for (const state of [list, sum, average]) {
      state.setCurrentNamespace(4);
      state.mergeNamespaces(1, [2, 3, 9]);
    }
    t.same([...list.get()], ['v100'], 'the current namespace stays');
    t.equal(sum.get(), 100);
    for (const state of [list, sum, average]) state.setCurrentNamespace(1);
    t.same([...list.get()], ['v1', 'v2', 'v6']);
    t.equal(sum.get(), 9);
    t.equal(average.get(), 3);
    for (const state of [list, sum, average]) state.setCurrentNamespace(2);
    t.same([...list.get()], [], 'a merged source namespace is cleared');
    t.equal(sum.get(), null);
    t.same([...keyed.getKeys('contents', 2)], ['b'], 'other keys keep their values in the source namespace');
    list.setCurrentNamespace(4);
    t.same([...list.get()], ['v100'], 'namespaces outside the merge are untouched');
  });

  t.test('every kind snapshots per key group through msgpackr and restores at another parallelism', async (t) => {
    const maxParallelism = 16;
    const before = [await backend(2, 0, maxParallelism), await backend(2, 1, maxParallelism)];
    const descriptors = {
      list: new ListStateDescriptor<number>('list'),
      map: new MapStateDescriptor<{ id: number }, string>('map'),
      sum: new ReducingStateDescriptor<number>('sum', (a, b) => a + b),
      average: new AggregatingStateDescriptor('average', new Average()),
    };
    const keys = Array.from({ length: 30 }, (_, i) => (i % 2 === 0 ? `key-${i}` : [i, 'k']));
    const write = (owner: KeyedStateBackend<unknown>, i: number) => {
      owner.getPartitionedState(VoidNamespace, descriptors.list).addAll([i, i + 1]);
      owner.getPartitionedState(VoidNamespace, descriptors.map).put({ id: i }, `v${i}`);
      owner.getPartitionedState(VoidNamespace, descriptors.sum).add(i);
      owner.getPartitionedState(VoidNamespace, descriptors.average).add(i);
    };
    for (const [i, key] of keys.entries()) write(ownerOf(before, key), i);
    const snapshots: KeyGroupStateSnapshot[] = [];
    for (const owner of before) snapshots.push(...unpack(pack(await owner.snapshot())) as KeyGroupStateSnapshot[]);
    const after = [await backend(3, 0, maxParallelism), await backend(3, 1, maxParallelism), await backend(3, 2, maxParallelism)];
    for (const snapshot of snapshots) {
      after.find((b) => snapshot.keyGroup >= b.getKeyGroupRange().startKeyGroup && snapshot.keyGroup <= b.getKeyGroupRange().endKeyGroup)!.restoreKeyGroup(snapshot);
    }
    for (const [i, key] of keys.entries()) {
      const owner = ownerOf(after, key);
      t.same([...owner.getPartitionedState(VoidNamespace, descriptors.list).get()], [i, i + 1], `list of ${JSON.stringify(key)}`);
      const map = owner.getPartitionedState(VoidNamespace, descriptors.map);
      t.equal(map.get({ id: i }), `v${i}`, `map of ${JSON.stringify(key)} finds its object user key`);
      t.equal(owner.getPartitionedState(VoidNamespace, descriptors.sum).get(), i);
      t.equal(owner.getPartitionedState(VoidNamespace, descriptors.average).get(), i);
    }
  });

  t.test('TTL: values expire after their time to live, on write or also on read', async (t) => {
    const keyed = await backend();
    const store = new DefaultKeyedStateStore(keyed);
    const ttl = (build: (b: ReturnType<typeof StateTtlConfig.newBuilder>) => unknown = () => {}) => {
      const builder = StateTtlConfig.newBuilder({ toMilliseconds: () => 100 });
      build(builder);
      return builder.build();
    };
    const withTtl = <D extends { enableTimeToLive(c: StateTtlConfig): void }>(descriptor: D, config = ttl()): D => {
      descriptor.enableTimeToLive(config);
      return descriptor;
    };
    const value = store.getState(withTtl(new ValueStateDescriptor<string>('value', 'default')));
    const onRead = store.getState(withTtl(new ValueStateDescriptor<string>('on-read'), ttl((b) => b.setUpdateType(StateTtlConfig.UpdateType.OnReadAndWrite))));
    const stale = store.getState(withTtl(new ValueStateDescriptor<string>('stale'), ttl((b) => b.setStateVisibility(StateTtlConfig.StateVisibility.ReturnExpiredIfNotCleanedUp))));
    const list = store.getListState(withTtl(new ListStateDescriptor<number>('list')));
    const map = store.getMapState(withTtl(new MapStateDescriptor<string, number>('map')));
    const sum = store.getReducingState(withTtl(new ReducingStateDescriptor<number>('sum', (a, b) => a + b)));
    const average = store.getAggregatingState(withTtl(new AggregatingStateDescriptor('average', new Average())));
    keyed.setCurrentKey('a');
    value.update('v');
    onRead.update('r');
    stale.update('s');
    list.add(1);
    map.put('x', 1);
    sum.add(1);
    average.add(1);
    clock.now += 60;
    list.add(2);
    map.put('y', 2);
    sum.add(2);
    average.add(3);
    t.equal(onRead.value(), 'r', 'a read at 60 ms refreshes OnReadAndWrite state');
    clock.now += 50;
    t.equal(value.value(), 'default', 'expired at 110 ms: the default value');
    t.equal(onRead.value(), 'r', 'refreshed at 60 ms: alive at 110 ms');
    t.equal(stale.value(), 's', 'ReturnExpiredIfNotCleanedUp returns the expired value once');
    t.equal(stale.value(), null, '... and cleans it up');
    t.same([...list.get()], [2], 'list elements expire one by one');
    t.same([...map.entries()], [['y', 2]], 'map entries expire one by one');
    t.equal(map.get('x'), null);
    t.notOk(map.contains('x'));
    t.equal(sum.get(), 3, 'a reducing state written at 60 ms lives');
    t.equal(average.get(), 2);
    clock.now += 100;
    t.equal(sum.get(), null, 'and expires 100 ms after its last write');
    t.equal(average.get(), null);
    t.ok(map.isEmpty());
    average.add(10);
    t.equal(average.get(), 10, 'an expired accumulator starts over');
    t.throws(() => StateTtlConfig.newBuilder({ toMilliseconds: () => 0 }), { message: 'state TTL must be positive, got 0 ms' });
  });

  t.test('TTL with cleanupFullSnapshot leaves expired values out of the snapshot', async (t) => {
    const keyed = await backend(1, 0, 1);
    const config = StateTtlConfig.newBuilder({ toMilliseconds: () => 100 }).cleanupFullSnapshot().build();
    const value = new ValueStateDescriptor<number>('value');
    const list = new ListStateDescriptor<number>('list');
    const plain = new ValueStateDescriptor<number>('plain-ttl');
    for (const d of [value, list]) d.enableTimeToLive(config);
    plain.enableTimeToLive(StateTtlConfig.newBuilder({ toMilliseconds: () => 100 }).build());
    for (const key of ['old', 'new']) {
      keyed.setCurrentKey(key);
      keyed.getPartitionedState(VoidNamespace, value).update(1);
      keyed.getPartitionedState(VoidNamespace, list).addAll([1]);
      keyed.getPartitionedState(VoidNamespace, plain).update(1);
      clock.now += 80;
    }
    keyed.setCurrentKey('new');
    keyed.getPartitionedState(VoidNamespace, list).add(2);
    const [snapshot] = unpack(pack(await keyed.snapshot())) as KeyGroupStateSnapshot[];
    // Entries come in the backend's order: the heap's insertion order, LevelDB's key order.
    const keysOf = (name: string) => snapshot!.states.find((s) => s.name === name)?.entries.map(([key]) => key).sort();
    t.same(keysOf('value'), ['new'], 'the expired value is left out');
    t.same(keysOf('plain-ttl'), ['new', 'old'], 'without cleanupFullSnapshot it stays until read');
    t.same(snapshot!.states.find((s) => s.name === 'list')?.entries.map(([key, , v]) => [key, (v as unknown[]).length]), [['new', 2]]);
  });

  t.test('a name is one state: another kind under the same name is refused', async (t) => {
    const keyed = await backend();
    keyed.getOrCreateKeyedState(new ListStateDescriptor<number>('x'));
    t.throws(() => keyed.getOrCreateKeyedState(new MapStateDescriptor<number, number>('x')), { message: '"Counter" (1/1): state "x" is list state, requested as map state' });
  });
}

/** The backend that owns the key, with the key made current: the others refuse it. */
export function ownerOf<B extends KeyedStateBackend<unknown>>(backends: B[], key: unknown): B {
  const owner = backends.find((b) => {
    try {
      b.setCurrentKey(key);
      return true;
    } catch {
      return false;
    }
  });
  if (!owner) throw new Error(`no backend owns key ${JSON.stringify(key)}`);
  return owner;
}
