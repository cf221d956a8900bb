import t from 'tap';
import { pack, unpack } from 'msgpackr';
import { assignToKeyGroup, keyGroupRangeForOperator } from '../../lib/exchange/key-groups.ts';
import { DefaultKeyedStateStore, HeapKeyedStateBackend, ValueStateDescriptor, VoidNamespace, type KeyGroupStateSnapshot } from '../../lib/state/index.ts';
import { ownerOf } from './helpers/keyed-state-kinds-suite.ts';

function backend(parallelism = 1, index = 0, maxParallelism = 128): HeapKeyedStateBackend<unknown> {
  return new HeapKeyedStateBackend({
    keyGroupRange: keyGroupRangeForOperator(maxParallelism, parallelism, index),
    numberOfKeyGroups: maxParallelism,
    description: `"Counter" (${index + 1}/${parallelism})`,
  });
}

t.test('a ValueState holds one value per key, with the default value or null when it has none', async (t) => {
  const keyed = backend();
  const store = new DefaultKeyedStateStore(keyed);
  const count = store.getState(new ValueStateDescriptor<number>('count', 0));
  const last = store.getState(new ValueStateDescriptor<string>('last'));
  keyed.setCurrentKey('apple');
  t.equal(count.value(), 0);
  t.equal(last.value(), null);
  count.update(3);
  last.update('mon');
  keyed.setCurrentKey('pear');
  t.equal(count.value(), 0, 'another key does not see the value');
  count.update(5);
  keyed.setCurrentKey('apple');
  t.equal(count.value(), 3);
  t.equal(last.value(), 'mon');
  count.clear();
  t.equal(count.value(), 0, 'clear brings back the default');
  last.update(null);
  t.equal(last.value(), null, 'update(null) clears, as in Flink');
  keyed.setCurrentKey('pear');
  t.equal(count.value(), 5, 'clearing one key leaves the others');
  t.equal(store.getState(new ValueStateDescriptor<number>('count', 0)), count, 'a name is one state object');
});

t.test('keys are compared by value, as the partitioner compares them', async (t) => {
  const keyed = backend();
  const state = keyed.getPartitionedState(VoidNamespace, new ValueStateDescriptor<string>('v'));
  keyed.setCurrentKey(['word', 1]);
  state.update('tuple');
  keyed.setCurrentKey({ a: 1, b: [2] });
  state.update('object');
  keyed.setCurrentKey(1);
  state.update('number');
  keyed.setCurrentKey(['word', 1]);
  t.equal(state.value(), 'tuple', 'an equal array is the same key');
  keyed.setCurrentKey({ b: [2], a: 1 });
  t.equal(state.value(), 'object', 'object key order does not matter');
  keyed.setCurrentKey('1');
  t.equal(state.value(), null, 'the string "1" is not the number 1');
  keyed.setCurrentKey(1n);
  t.equal(state.value(), null, 'the bigint 1n is not the number 1');
  keyed.setCurrentKey(['word', '1']);
  t.equal(state.value(), null);
});

t.test('namespaces keep apart the values of one key; getKeys lists a namespace\'s keys', async (t) => {
  const keyed = backend();
  const contents = keyed.getOrCreateKeyedState<{ start: number; end: number }, ValueStateDescriptor<number>>(new ValueStateDescriptor<number>('window-contents'));
  for (const [key, start, value] of [['a', 0, 1], ['a', 10, 2], ['b', 0, 3]] as const) {
    keyed.setCurrentKey(key);
    contents.setCurrentNamespace({ start, end: start + 10 });
    contents.update(value);
  }
  keyed.setCurrentKey('a');
  contents.setCurrentNamespace({ end: 10, start: 0 });
  t.equal(contents.value(), 1, 'an equal window object is the same namespace');
  contents.setCurrentNamespace({ start: 10, end: 20 });
  t.equal(contents.value(), 2);
  t.same([...keyed.getKeys('window-contents', { start: 0, end: 10 })].sort(), ['a', 'b']);
  t.same([...keyed.getKeys('window-contents', { start: 10, end: 20 })], ['a']);
  contents.clear();
  t.same([...keyed.getKeys('window-contents', { start: 10, end: 20 })], [], 'a cleared namespace has no keys left');
  t.same([...keyed.getKeys('no-such-state', VoidNamespace)], []);
});

t.test('state snapshots per key group survive msgpackr and restore at another parallelism', async (t) => {
  const before = backend(2, 0, 128);
  const beforeOther = backend(2, 1, 128);
  const descriptor = new ValueStateDescriptor<{ n: number }>('count');
  const keys = Array.from({ length: 40 }, (_, i) => (i % 3 === 0 ? [`key-${i}`, i] : `key-${i}`));
  const owners = [before, beforeOther];
  for (const [i, key] of keys.entries()) ownerOf(owners, key).getPartitionedState(VoidNamespace, descriptor).update({ n: i });
  const snapshots: KeyGroupStateSnapshot[] = [];
  for (const owner of owners) {
    const { startKeyGroup, endKeyGroup } = owner.getKeyGroupRange();
    for (let keyGroup = startKeyGroup; keyGroup <= endKeyGroup; keyGroup++) snapshots.push(unpack(pack(owner.snapshotKeyGroup(keyGroup))) as KeyGroupStateSnapshot);
  }
  t.ok(snapshots.some((s) => s.states.length === 0), 'a key group without values snapshots no states');
  const after = [backend(3, 0, 128), backend(3, 1, 128), backend(3, 2, 128)];
  for (const snapshot of snapshots) {
    const owner = after.find((b) => snapshot.keyGroup >= b.getKeyGroupRange().startKeyGroup && snapshot.keyGroup <= b.getKeyGroupRange().endKeyGroup)!;
    owner.restoreKeyGroup(snapshot);
  }
  for (const [i, key] of keys.entries()) {
    t.same(ownerOf(after, key).getPartitionedState(VoidNamespace, descriptor).value(), { n: i }, `key ${JSON.stringify(key)} restored`);
  }
  t.throws(() => after[0]!.restoreKeyGroup({ keyGroup: 127, states: [{ name: 'count', type: 'value', entries: [] }] }),
    { message: 'state "count" of "Counter" (1/3): key group 127 is not among this subtask\'s key groups 0..42' });
});

t.test('misuse gets one-line errors naming the operator subtask', async (t) => {
  const keyed = backend(2, 0);
  const state = keyed.getPartitionedState(VoidNamespace, new ValueStateDescriptor<number>('count'));
  t.throws(() => state.value(), { message: 'state "count" of "Counter" (1/2): no current key (keyed state is only available while a record or a timer of a key is processed)' });
  t.throws(() => keyed.getCurrentKey(), { message: '"Counter" (1/2): no current key' });
  const foreign = Array.from({ length: 100 }, (_, i) => `key-${i}`).find((key) => assignToKeyGroup(key, 128) > 63)!;
  t.throws(() => keyed.setCurrentKey(foreign), {
    message: `"Counter" (1/2): key "${foreign}" is in key group ${assignToKeyGroup(foreign, 128)}, not among this subtask's key groups 0..63; is the key selector deterministic?`,
  });
  t.throws(() => keyed.restoreKeyGroup({ keyGroup: 0, states: [{ name: 'count', type: 'list' as 'value', entries: [] }] }),
    { message: '"Counter" (1/2): state "count" is value state, requested as list state' });
});

t.test('dispose drops every value', async (t) => {
  const keyed = backend();
  const state = keyed.getPartitionedState(VoidNamespace, new ValueStateDescriptor<number>('count'));
  keyed.setCurrentKey('a');
  state.update(1);
  keyed.dispose();
  t.equal(state.value(), null);
});
