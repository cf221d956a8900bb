// Flink's KeyedCoProcessOperator: runs a KeyedCoProcessFunction (or a CoProcessFunction) on
// two connected keyed streams. Records of either input with equal keys share state and
// timers; timers fire from the combined watermark of both inputs.
import type { CoProcessFunction } from '../functions/co-process-function.ts';
import type { KeyedCoProcessFunction } from '../functions/keyed-co-process-function.ts';
import { TimeDomain } from '../functions/timer-service.ts';
import type { VoidNamespace } from '../state/void-namespace.ts';
import type { InternalTimer } from '../time/internal-timer.ts';
import type { Triggerable } from '../time/triggerable.ts';
import { AbstractUdfStreamOperator } from './abstract-udf-stream-operator.ts';
import { ProcessContext } from './process-context.ts';
import { SimpleTimerService } from './simple-timer-service.ts';
import type { OperatorContext, Output, TwoInputStreamOperator } from './stream-operator.ts';
import type { StreamRecord } from './stream-record.ts';

export class KeyedCoProcessOperator<K, IN1, IN2, OUT>
  extends AbstractUdfStreamOperator<KeyedCoProcessFunction<K, IN1, IN2, OUT> | CoProcessFunction<IN1, IN2, OUT>, OUT>
  implements TwoInputStreamOperator<IN1, IN2, OUT>, Triggerable<K, VoidNamespace> {
  private processContext!: ProcessContext<K>;

  override async open(context: OperatorContext, output: Output<OUT>): Promise<void> {
    await super.open(context, output);
    const timers = this.getInternalTimerService<VoidNamespace>('user-timers', this);
    this.processContext = new ProcessContext<K>(output, new SimpleTimerService(timers), this);
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

  onEventTime(timer: InternalTimer<K, VoidNamespace>): void {
    this.processContext.fireTimer(timer, TimeDomain.EVENT_TIME, this.collector, this.userFunction);
  }

  onProcessingTime(timer: InternalTimer<K, VoidNamespace>): void {
    this.processContext.fireTimer(timer, TimeDomain.PROCESSING_TIME, this.collector, this.userFunction);
  }
}
