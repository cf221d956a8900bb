// Flink's CoBroadcastWithKeyedOperator: runs a KeyedBroadcastProcessFunction. Input 1 is keyed
// (its key is current while a record is processed) and has timers in the operator's
// "user-timers" service, so they are checkpointed with the key groups; a timer fires onTimer
// with its key current. The broadcast side reaches every key's state through applyToKeyedState.
import type { KeyedBroadcastContext, KeyedBroadcastOnTimerContext, KeyedBroadcastProcessFunction, KeyedBroadcastReadOnlyContext, KeyedStateFunction } from '../functions/keyed-broadcast-process-function.ts';
import { TimeDomain, type TimerService } from '../functions/timer-service.ts';
import type { MapStateDescriptor } from '../state/map-state-descriptor.ts';
import type { State } from '../state/state.ts';
import type { StateDescriptor } from '../state/state-descriptor.ts';
import { VoidNamespace } from '../state/void-namespace.ts';
import type { InternalTimer } from '../time/internal-timer.ts';
import type { Triggerable } from '../time/triggerable.ts';
import { AbstractBroadcastOperator } from './abstract-broadcast-operator.ts';
import { SimpleTimerService } from './simple-timer-service.ts';
import type { OperatorContext, Output } from './stream-operator.ts';
import { StreamRecord } from './stream-record.ts';

export class CoBroadcastWithKeyedOperator<KS, IN1, IN2, OUT>
  extends AbstractBroadcastOperator<IN1, IN2, OUT, KeyedBroadcastReadOnlyContext<KS>, KeyedBroadcastContext>
  implements Triggerable<KS, VoidNamespace> {
  private timerService!: TimerService;
  protected readonly readOnlyContext: KeyedBroadcastReadOnlyContext<KS> = {
    ...this.baseContext,
    getBroadcastState: (descriptor) => this.readOnlyBroadcastState(descriptor),
    getCurrentKey: () => this.getCurrentKey() as KS,
    timerService: () => this.timerService,
  };
  protected readonly broadcastContext: KeyedBroadcastContext = {
    ...this.baseContext,
    getBroadcastState: (descriptor) => this.broadcastState(descriptor),
    applyToKeyedState: <S extends State>(descriptor: StateDescriptor<unknown>, fn: KeyedStateFunction<unknown, S>) => this.applyToKeyedState(descriptor, fn),
  };

  constructor(private readonly keyedFunction: KeyedBroadcastProcessFunction<KS, IN1, IN2, OUT>, broadcastStateDescriptors: readonly MapStateDescriptor<unknown, unknown>[]) {
    super(keyedFunction, broadcastStateDescriptors);
  }

  override async open(context: OperatorContext, output: Output<OUT>): Promise<void> {
    await super.open(context, output);
    this.timerService = new SimpleTimerService(this.getInternalTimerService<VoidNamespace>('user-timers', this));
  }

  onEventTime(timer: InternalTimer<KS, VoidNamespace>): void {
    this.collector.setAbsoluteTimestamp(timer.timestamp);
    this.fireTimer(timer.timestamp, TimeDomain.EVENT_TIME);
  }

  onProcessingTime(timer: InternalTimer<KS, VoidNamespace>): void {
    this.collector.eraseTimestamp();
    this.fireTimer(timer.timestamp, TimeDomain.PROCESSING_TIME);
  }

  /** What onTimer emits, side outputs included, carries the timer's timestamp in event time and none in processing time. */
  private fireTimer(timestamp: number, domain: TimeDomain): void {
    const sideTimestamp = domain === TimeDomain.EVENT_TIME ? timestamp : undefined;
    const context: KeyedBroadcastOnTimerContext<KS> = {
      ...this.readOnlyContext,
      timestamp: () => timestamp,
      output: (tag, value) => this.output.collectSide(tag, new StreamRecord(value, sideTimestamp)),
      timeDomain: () => domain,
    };
    this.keyedFunction.onTimer(timestamp, context, this.collector);
  }

  private applyToKeyedState<S extends State>(descriptor: StateDescriptor<unknown>, fn: KeyedStateFunction<unknown, S>): void {
    const backend = this.getKeyedStateBackend();
    // Collected first: the function may clear the state it visits.
    for (const key of [...backend.getKeys(descriptor.name, VoidNamespace)]) {
      backend.setCurrentKey(key);
      fn(key, backend.getPartitionedState(VoidNamespace, descriptor) as unknown as S);
    }
  }
}
