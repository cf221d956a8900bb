// An Output that keeps, in order, everything an operator or chain emitted: records (copied,
// as a receiver must not keep the StreamRecord it is given), side-output records,
// watermarks and watermark status.
import type { OutputTag } from '../../../lib/functions/output-tag.ts';
import type { Output } from '../../../lib/operators/stream-operator.ts';
import type { StreamRecord } from '../../../lib/operators/stream-record.ts';
import type { WatermarkStatus } from '../../../lib/operators/watermark.ts';

export type Emitted<T> =
  | { record: T; timestamp?: number }
  | { side: string; record: unknown; timestamp?: number }
  | { watermark: number }
  | { status: WatermarkStatus };

export class CollectingOutput<T> implements Output<T> {
  readonly emitted: Emitted<T>[] = [];

  /** The records' values, in order. */
  get values(): T[] {
    return this.emitted.flatMap((e) => ('record' in e && !('side' in e) ? [e.record] : []));
  }

  get watermarks(): number[] {
    return this.emitted.flatMap((e) => ('watermark' in e ? [e.watermark] : []));
  }

  collect(record: StreamRecord<T>): void {
    this.emitted.push(record.timestamp === undefined ? { record: record.value } : { record: record.value, timestamp: record.timestamp });
  }

  collectSide<X>(tag: OutputTag<X>, record: StreamRecord<X>): void {
    this.emitted.push(record.timestamp === undefined ? { side: tag.id, record: record.value } : { side: tag.id, record: record.value, timestamp: record.timestamp });
  }

  emitWatermark(timestamp: number): void {
    this.emitted.push({ watermark: timestamp });
  }

  emitWatermarkStatus(status: WatermarkStatus): void {
    this.emitted.push({ status });
  }
}
