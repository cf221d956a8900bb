// Flink's BroadcastingOutputCollector: an operator with several outgoing edges (or none,
// as a sink) emits into all of them.
import type { OutputTag } from '../functions/output-tag.ts';
import type { Output } from '../operators/stream-operator.ts';
import type { StreamRecord } from '../operators/stream-record.ts';
import type { WatermarkStatus } from '../operators/watermark.ts';

export class BroadcastingOutput<T> implements Output<T> {
  constructor(private readonly outputs: readonly Output<T>[]) {}

  collect(record: StreamRecord<T>): void {
    for (const output of this.outputs) output.collect(record);
  }

  collectSide<X>(tag: OutputTag<X>, record: StreamRecord<X>): void {
    for (const output of this.outputs) output.collectSide(tag, record);
  }

  emitWatermark(timestamp: number): void {
    for (const output of this.outputs) output.emitWatermark(timestamp);
  }

  emitWatermarkStatus(status: WatermarkStatus): void {
    for (const output of this.outputs) output.emitWatermarkStatus(status);
  }
}
