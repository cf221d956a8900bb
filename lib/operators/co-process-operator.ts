// Flink's CoProcessOperator: runs a CoProcessFunction on connected streams that are not
// keyed. Its context tells the time (the combined watermark of both inputs) but refuses timers.
import type { CoProcessFunction } from '../functions/co-process-function.ts';
import { AbstractUdfStreamOperator } from './abstract-udf-stream-operator.ts';
import { NonKeyedTimerService } from './non-keyed-timer-service.ts';
import { operatorDescription } from './operator-description.ts';
import { ProcessContext } from './process-context.ts';
import type { OperatorContext, Output, TwoInputStreamOperator } from './stream-operator.ts';
import type { StreamRecord } from './stream-record.ts';
import { MIN_WATERMARK } from './watermark.ts';

export class CoProcessOperator<IN1, IN2, OUT> extends AbstractUdfStreamOperator<CoProcessFunction<IN1, IN2, OUT>, OUT> implements TwoInputStreamOperator<IN1, IN2, OUT> {
  private currentWatermark = MIN_WATERMARK;
  private processContext!: ProcessContext<never>;

  override async open(context: OperatorContext, output: Output<OUT>): Promise<void> {
    await super.open(context, output);
    this.processContext = new ProcessContext(output, new NonKeyedTimerService(context.processingTimeService, () => this.currentWatermark, operatorDescription(context)));
  }

  processElement1(record: StreamRecord<IN1>): void {
    const collector = this.collector;
    collector.setTimestampFrom(record);
    this.processContext.setElement(record);
    this.userFunction.processElement1(record.value, this.processContext, collector);
  }

  processElement2(record: StreamRecord<IN2>): void {
    const collector = this.collector;
    collector.setTimestampFrom(record);
    this.processContext.setElement(record);
    this.userFunction.processElement2(record.value, this.processContext, collector);
  }

  /** Both inputs' watermarks combine into this call. */
  override processWatermark(timestamp: number): void {
    this.currentWatermark = timestamp;
    super.processWatermark(timestamp);
  }
}
