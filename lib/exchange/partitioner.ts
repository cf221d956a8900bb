// How a producer subtask picks the consumer subtask (channel) of each record on one edge.
import { assignToKeyGroup, checkParallelism, computeOperatorIndexForKeyGroup } from './key-groups.ts';

/** How a producer subtask picks the consumer subtask(s) of a record. */
export type PartitionerType = 'forward' | 'hash' | 'rebalance' | 'rescale' | 'shuffle' | 'broadcast' | 'global' | 'custom';

export type KeySelector = (record: any) => unknown;

/** partitionCustom's user Partitioner applied to the record's key (Flink's CustomPartitionerWrapper). */
export type ChannelSelector = (record: any, numberOfChannels: number) => number;

/** Broadcast sends every record to all channels; every other strategy selects one. */
export type Partitioner =
  | { kind: 'broadcast' }
  | { kind: 'select'; selectChannel(record: unknown): number };

export interface PartitionerOptions {
  producerIndex: number;
  producerCount: number;
  consumerCount: number;
  /** Of the consumer: the number of key groups. */
  maxParallelism: number;
  keySelector?: KeySelector;
  /** Present on 'custom' edges. */
  channelSelector?: ChannelSelector;
  /** For errors: the edge and the producer subtask. */
  description?: string;
}

export function createPartitioner(type: PartitionerType, options: PartitionerOptions): Partitioner {
  const { producerIndex, producerCount, consumerCount: n, maxParallelism, keySelector, channelSelector } = options;
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
    case 'rescale': {
      const [first, end] = rescaleConsumers(producerIndex, producerCount, n);
      let next = first;
      return { kind: 'select', selectChannel: () => { const channel = next; next = next + 1 === end ? first : next + 1; return channel; } };
    }
    case 'custom': {
      if (!channelSelector) throw new TypeError('custom partitioning needs a partitioner');
      return {
        kind: 'select',
        selectChannel: (record) => {
          const channel = channelSelector(record, n);
          if (!Number.isInteger(channel) || channel < 0 || channel >= n) {
            throw new RangeError(`${options.description ?? 'partitionCustom'}: the custom partitioner chose partition ${String(channel)}, not an integer in [0, ${n})`);
          }
          return channel;
        },
      };
    }
    case 'shuffle': return { kind: 'select', selectChannel: () => Math.floor(Math.random() * n) };
    case 'broadcast': return { kind: 'broadcast' };
    case 'global': return { kind: 'select', selectChannel: () => 0 };
  }
}

/**
 * The consumers [first, end) a rescaling producer sends to: Flink's POINTWISE pattern. With
 * fewer producers each feeds a block of consumers; with more, each block of producers feeds
 * one consumer; with as many, producer i feeds consumer i.
 */
export function rescaleConsumers(producerIndex: number, producerCount: number, consumerCount: number): [number, number] {
  if (producerCount <= consumerCount) {
    return [Math.floor((producerIndex * consumerCount) / producerCount), Math.floor(((producerIndex + 1) * consumerCount) / producerCount)];
  }
  for (let consumer = 0; consumer < consumerCount; consumer++) {
    if (producerIndex < Math.floor(((consumer + 1) * producerCount) / consumerCount)) return [consumer, consumer + 1];
  }
  throw new RangeError(`rescale partitioning: producer subtask ${producerIndex} is not among ${producerCount}`);
}
