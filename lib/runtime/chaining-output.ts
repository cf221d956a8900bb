// Flink's ChainingOutput: the output of an operator into the next operator of its chain,
// by direct calls. An output for a side output takes only records of its OutputTag;
// watermarks and watermark status go to every output.
import type { OutputTag } from '../functions/output-tag.ts';
import type { Output } from '../operators/stream-operator.ts';
import type { StreamRecord } from '../operators/stream-record.ts';
import type { WatermarkStatus } from '../operators/watermark.ts';
import type { OperatorInput } from './operator-input.ts';

export class ChainingOutput<T> implements Output<T> {
  constructor(
    private readonly input: OperatorInput,
    private readonly outputTag?: string,
  ) {}

  collect(record: StreamRecord<T>): void {
    if (this.outputTag === undefined) this.input.processElement(record);
  }

  collectSide<X>(tag: OutputTag<X>, record: StreamRecord<X>): void {
    if (this.outputTag === tag.id) this.input.processElement(record);
  }

  emitWatermark(timestamp: number): void {
    this.input.processWatermark(timestamp);
  }

  emitWatermarkStatus(status: WatermarkStatus): void {
    this.input.processWatermarkStatus(status);
  }
}
