// What Flink's ProcessOperator and CoProcessOperator share (Flink keeps two copies): on a
// stream that is not keyed, the function's context tells the time (the last watermark the
// operator received; a two-input operator's combines both inputs') but refuses timers, which
// need a key. The subclasses add the inputs.
import { AbstractUdfStreamOperator } from './abstract-udf-stream-operator.ts';
import { NonKeyedTimerService } from './non-keyed-timer-service.ts';
import { operatorDescription } from './operator-description.ts';
import { ProcessContext } from './process-context.ts';
import type { OperatorContext, Output } from './stream-operator.ts';
import { MIN_WATERMARK } from './watermark.ts';

export abstract class AbstractNonKeyedProcessOperator<F extends object, OUT> extends AbstractUdfStreamOperator<F, OUT> {
  private currentWatermark = MIN_WATERMARK;
  protected processContext!: ProcessContext<never, OUT>;

  override async open(context: OperatorContext, output: Output<OUT>): Promise<void> {
    await super.open(context, output);
    this.processContext = new ProcessContext(output, this.collector, new NonKeyedTimerService(context.processingTimeService, () => this.currentWatermark, operatorDescription(context)));
  }

  override processWatermark(timestamp: number): void {
    this.currentWatermark = timestamp;
    super.processWatermark(timestamp);
  }
}
