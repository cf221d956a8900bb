// Flink's RecordWriterOutput: the output of a chain's operator onto a network edge.
// Records are partitioned by the writer; events go to every channel, in order with the records.
import type { RecordWriter } from '../exchange/record-writer.ts';
import type { OutputTag } from '../functions/output-tag.ts';
import type { Output } from '../operators/stream-operator.ts';
import type { StreamRecord } from '../operators/stream-record.ts';
import type { WatermarkStatus } from '../operators/watermark.ts';

export class RecordWriterOutput<T> implements Output<T> {
  constructor(
    private readonly writer: RecordWriter,
    private readonly outputTag?: string,
  ) {}

  collect(record: StreamRecord<T>): void {
    if (this.outputTag === undefined) this.writer.emit(record.value, record.timestamp);
  }

  collectSide<X>(tag: OutputTag<X>, record: StreamRecord<X>): void {
    if (this.outputTag === tag.id) this.writer.emit(record.value, record.timestamp);
  }

  emitWatermark(timestamp: number): void {
    this.writer.broadcastEvent({ type: 'watermark', timestamp });
  }

  emitWatermarkStatus(status: WatermarkStatus): void {
    this.writer.broadcastEvent({ type: 'watermark-status', status });
  }
}
