// Flink's KeyedProcessOperator: runs a KeyedProcessFunction (or a ProcessFunction) on a keyed
// stream. Its timers live in the operator's internal timer service ("user-timers") and fire
// with their key current, so state and timers stay in the seams a checkpoint snapshots.
import type { KeyedProcessFunction } from '../functions/keyed-process-function.ts';
import type { ProcessFunction } from '../functions/process-function.ts';
import { TimeDomain } from '../functions/timer-service.ts';
import type { VoidNamespace } from '../state/void-namespace.ts';
import type { InternalTimer } from '../time/internal-timer.ts';
import type { Triggerable } from '../time/triggerable.ts';
import { AbstractUdfStreamOperator } from './abstract-udf-stream-operator.ts';
import { ProcessContext } from './process-context.ts';
import { SimpleTimerService } from './simple-timer-service.ts';
import type { OneInputStreamOperator, OperatorContext, Output } from './stream-operator.ts';
import type { StreamRecord } from './stream-record.ts';

export class KeyedProcessOperator<K, IN, OUT>
  extends AbstractUdfStreamOperator<KeyedProcessFunction<K, IN, OUT> | ProcessFunction<IN, OUT>, OUT>
  implements OneInputStreamOperator<IN, OUT>, Triggerable<K, VoidNamespace> {
  private processContext!: ProcessContext<K>;

  override async open(context: OperatorContext, output: Output<OUT>): Promise<void> {
    await super.open(context, output);
    const timers = this.getInternalTimerService<VoidNamespace>('user-timers', this);
    this.processContext = new ProcessContext<K>(output, new SimpleTimerService(timers), this);
  }

  processElement(record: StreamRecord<IN>): void {
    const collector = this.collector;
    collector.setTimestampFrom(record);
    this.processContext.setElement(record);
    this.userFunction.processElement(record.value, this.processContext, collector);
  }

  onEventTime(timer: InternalTimer<K, VoidNamespace>): void {
    this.processContext.fireTimer(timer, TimeDomain.EVENT_TIME, this.collector, this.userFunction);
  }

  onProcessingTime(timer: InternalTimer<K, VoidNamespace>): void {
    this.processContext.fireTimer(timer, TimeDomain.PROCESSING_TIME, this.collector, this.userFunction);
  }
}
