// How a producer subtask picks the consumer subtask (channel) of each record on one edge.
import { assignToKeyGroup, checkParallelism, computeOperatorIndexForKeyGroup } from './key-groups.ts';

/** How a producer subtask picks the consumer subtask(s) of a record. */
export type PartitionerType = 'forward' | 'hash' | 'rebalance' | 'shuffle' | 'broadcast' | 'global';

export type KeySelector = (record: any) => unknown;

/** Broadcast sends every record to all channels; every other strategy selects one. */
export type Partitioner =
  | { kind: 'broadcast' }
  | { kind: 'select'; selectChannel(record: unknown): number };

export interface PartitionerOptions {
  producerIndex: number;
  consumerCount: number;
  /** Of the consumer: the number of key groups. */
  maxParallelism: number;
  keySelector?: KeySelector;
}

export function createPartitioner(type: PartitionerType, options: PartitionerOptions): Partitioner {
  const { producerIndex, consumerCount: n, maxParallelism, keySelector } = options;
  switch (type) {
    case 'forward': {
      if (producerIndex >= n) throw new RangeError(`forward partitioning needs equal parallelism: producer subtask ${producerIndex} has no consumer among ${n}`);
      return { kind: 'select', selectChannel: () => producerIndex };
    }
    case 'hash': {
      if (!keySelector) throw new TypeError('hash partitioning needs a key selector');
      checkParallelism(maxParallelism, n);
      // The owner of each key group, looked up instead of computed per record.
      const owners = Uint32Array.from({ length: maxParallelism }, (_, keyGroup) => computeOperatorIndexForKeyGroup(maxParallelism, n, keyGroup));
      return { kind: 'select', selectChannel: (record) => owners[assignToKeyGroup(keySelector(record), maxParallelism)]! };
    }
    case 'rebalance': {
      let next = producerIndex % n;
      return { kind: 'select', selectChannel: () => { const channel = next; next = next + 1 === n ? 0 : next + 1; return channel; } };
    }
    case 'shuffle': return { kind: 'select', selectChannel: () => Math.floor(Math.random() * n) };
    case 'broadcast': return { kind: 'broadcast' };
    case 'global': return { kind: 'select', selectChannel: () => 0 };
  }
}
