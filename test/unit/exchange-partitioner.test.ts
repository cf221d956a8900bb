import t from 'tap';
import { assignToKeyGroup, computeOperatorIndexForKeyGroup } from '../../lib/exchange/key-groups.ts';
import { createPartitioner, type Partitioner, type PartitionerOptions } from '../../lib/exchange/partitioner.ts';

const base: PartitionerOptions = { producerIndex: 1, producerCount: 2, consumerCount: 3, maxParallelism: 128 };

function channelsOf(partitioner: Partitioner, records: unknown[]): number[] {
  if (partitioner.kind !== 'select') throw new Error(`expected a selecting partitioner, got ${partitioner.kind}`);
  return records.map((record) => partitioner.selectChannel(record));
}

t.test('forward keeps the producer index and needs a consumer at that index', async (t) => {
  t.same(channelsOf(createPartitioner('forward', base), ['a', 'b']), [1, 1]);
  t.throws(() => createPartitioner('forward', { ...base, producerIndex: 3 }), /forward partitioning needs equal parallelism/);
});

t.test('hash sends a key to the subtask that owns its key group', async (t) => {
  const keySelector = (record: [string, number]) => record[0];
  const records = Array.from({ length: 300 }, (_, i) => [`k${i % 50}`, i]);
  const channels = channelsOf(createPartitioner('hash', { ...base, keySelector }), records);
  records.forEach(([key], i) => {
    const expected = computeOperatorIndexForKeyGroup(128, 3, assignToKeyGroup(key, 128));
    if (channels[i] !== expected) t.fail(`key ${key} went to ${channels[i]}, its key group belongs to ${expected}`);
  });
  t.same(new Set(channels), new Set([0, 1, 2]), 'all consumers get keys');
  t.throws(() => createPartitioner('hash', base), /needs a key selector/);
});

t.test('rebalance goes round robin from producerIndex % n', async (t) => {
  t.same(channelsOf(createPartitioner('rebalance', { ...base, producerIndex: 4 }), [0, 0, 0, 0, 0]), [1, 2, 0, 1, 2]);
});

t.test('shuffle stays in range, global picks 0, broadcast selects none', async (t) => {
  const shuffled = channelsOf(createPartitioner('shuffle', base), Array.from({ length: 300 }, () => 0));
  t.same(new Set(shuffled), new Set([0, 1, 2]));
  t.same(channelsOf(createPartitioner('global', base), [1, 2]), [0, 0]);
  t.equal(createPartitioner('broadcast', base).kind, 'broadcast');
});

t.test('rescale goes round robin over the producer\'s own block of consumers (Flink\'s pointwise pattern)', async (t) => {
  const rescale = (producerIndex: number, producerCount: number, consumerCount: number) =>
    channelsOf(createPartitioner('rescale', { ...base, producerIndex, producerCount, consumerCount }), [0, 0, 0, 0, 0]);
  t.same(rescale(0, 2, 4), [0, 1, 0, 1, 0], 'two producers, four consumers: 0 feeds 0 and 1');
  t.same(rescale(1, 2, 4), [2, 3, 2, 3, 2], '1 feeds 2 and 3');
  t.same(rescale(1, 2, 3), [1, 2, 1, 2, 1], 'uneven blocks: 0 feeds [0], 1 feeds [1, 2]');
  t.same([0, 1, 2, 3].map((p) => rescale(p, 4, 2)[0]), [0, 0, 1, 1], 'four producers, two consumers: pairs feed one');
  t.same([0, 1, 2].map((p) => rescale(p, 3, 3)), [[0, 0, 0, 0, 0], [1, 1, 1, 1, 1], [2, 2, 2, 2, 2]], 'equal parallelism: one to one');
});

t.test('custom partitioning asks the partitioner for each record and checks its answer', async (t) => {
  const channelSelector = (record: number, n: number) => record % n;
  t.same(channelsOf(createPartitioner('custom', { ...base, channelSelector }), [0, 1, 2, 3, 4]), [0, 1, 2, 0, 1]);
  const broken = createPartitioner('custom', { ...base, channelSelector: (record: number) => record, description: 'edge "A" => "B", subtask 2' });
  t.throws(() => channelsOf(broken, [3]), { message: 'edge "A" => "B", subtask 2: the custom partitioner chose partition 3, not an integer in [0, 3)' });
  t.throws(() => channelsOf(broken, [0.5]), /chose partition 0.5/);
  t.throws(() => createPartitioner('custom', base), /needs a partitioner/);
});
