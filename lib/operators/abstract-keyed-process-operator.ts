// What Flink's KeyedProcessOperator and KeyedCoProcessOperator share (Flink keeps two copies):
// the function's timers live in the operator's internal timer service ("user-timers") and
// fire with their key current, so state and timers stay in the seams a checkpoint snapshots.
// The subclasses add the inputs.
import { TimeDomain } from '../functions/timer-service.ts';
import type { VoidNamespace } from '../state/void-namespace.ts';
import type { InternalTimer } from '../time/internal-timer.ts';
import type { Triggerable } from '../time/triggerable.ts';
import { AbstractUdfStreamOperator } from './abstract-udf-stream-operator.ts';
import { ProcessContext, type TimerCallback } from './process-context.ts';
import { SimpleTimerService } from './simple-timer-service.ts';
import type { OperatorContext, Output } from './stream-operator.ts';

export abstract class AbstractKeyedProcessOperator<K, F extends TimerCallback<K, OUT>, OUT> extends AbstractUdfStreamOperator<F, OUT> implements Triggerable<K, VoidNamespace> {
  protected processContext!: ProcessContext<K, OUT>;

  override async open(context: OperatorContext, output: Output<OUT>): Promise<void> {
    await super.open(context, output);
    const timers = this.getInternalTimerService<VoidNamespace>('user-timers', this);
    this.processContext = new ProcessContext<K, OUT>(output, this.collector, new SimpleTimerService(timers), this);
  }

  onEventTime(timer: InternalTimer<K, VoidNamespace>): void {
    this.processContext.fireTimer(timer, TimeDomain.EVENT_TIME, this.userFunction);
  }

  onProcessingTime(timer: InternalTimer<K, VoidNamespace>): void {
    this.processContext.fireTimer(timer, TimeDomain.PROCESSING_TIME, this.userFunction);
  }
}
