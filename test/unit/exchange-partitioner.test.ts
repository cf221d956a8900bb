import t from 'tap';
import { assignToKeyGroup, computeOperatorIndexForKeyGroup } from '../../lib/exchange/key-groups.ts';
import { createPartitioner, type Partitioner, type PartitionerOptions } from '../../lib/exchange/partitioner.ts';

const base: PartitionerOptions = { producerIndex: 1, consumerCount: 3, maxParallelism: 128 };

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
