// Flink's BroadcastStream: `stream.broadcast(descriptor, ...)`. Its elements go to every
// parallel instance of the operator it is connected to, together with the broadcast states
// (MapStateDescriptors) that operator keeps: `other.connect(broadcastStream).process(fn)`.
import type { MapStateDescriptor } from '../state/map-state-descriptor.ts';
import type { DataStream } from './data-stream.ts';

export class BroadcastStream<T> {
  /** @internal Created by `DataStream.broadcast(descriptors)`. */
  constructor(
    /** The stream, partitioned to every consumer subtask. */
    readonly broadcastedStream: DataStream<T>,
    private readonly descriptors: readonly MapStateDescriptor<unknown, unknown>[],
  ) {}

  getBroadcastStateDescriptors(): readonly MapStateDescriptor<unknown, unknown>[] {
    return this.descriptors;
  }
}
