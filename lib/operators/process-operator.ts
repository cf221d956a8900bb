// Flink's ProcessOperator: runs a ProcessFunction on a stream that is not keyed. Its context
// tells the time (the watermark it last received) but refuses timers, which need a key.
import type { ProcessFunction } from '../functions/process-function.ts';
import { AbstractUdfStreamOperator } from './abstract-udf-stream-operator.ts';
import { NonKeyedTimerService } from './non-keyed-timer-service.ts';
import { operatorDescription } from './operator-description.ts';
import { ProcessContext } from './process-context.ts';
import type { OneInputStreamOperator, OperatorContext, Output } from './stream-operator.ts';
import type { StreamRecord } from './stream-record.ts';
import { MIN_WATERMARK } from './watermark.ts';

export class ProcessOperator<IN, OUT> extends AbstractUdfStreamOperator<ProcessFunction<IN, OUT>, OUT> implements OneInputStreamOperator<IN, OUT> {
  private currentWatermark = MIN_WATERMARK;
  private processContext!: ProcessContext<never>;

  override async open(context: OperatorContext, output: Output<OUT>): Promise<void> {
    await super.open(context, output);
    this.processContext = new ProcessContext(output, new NonKeyedTimerService(context.processingTimeService, () => this.currentWatermark, operatorDescription(context)));
  }

  processElement(record: StreamRecord<IN>): void {
    const collector = this.collector;
    collector.setTimestampFrom(record);
    this.processContext.setElement(record);
    this.userFunction.processElement(record.value, this.processContext, collector);
  }

  override processWatermark(timestamp: number): void {
    this.currentWatermark = timestamp;
    super.processWatermark(timestamp);
  }
}
