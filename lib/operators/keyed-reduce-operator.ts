// A rolling reduce per key (Flink's StreamGroupedReduce): the first record of a key is
// emitted as is, every later one is reduced with the key's current value and emitted,
// with the input record's timestamp. The current value is keyed ValueState, so it lives
// in the key group of its key (the runtime sets the key before each record) and is
// checkpointed with it. What goes downstream is a copy: a chained operator that mutates
// its input must not change the value kept for the key. In BATCH mode (Flink's
// BatchGroupedReduceOperator) nothing is emitted per record: a key's first record registers
// an event-time timer at the end of time, and the end of input fires it, emitting the key's
// final value once.
import type { ReduceFunction } from '../functions/functions.ts';
import type { ValueState } from '../state/value-state.ts';
import { ValueStateDescriptor } from '../state/value-state-descriptor.ts';
import { AbstractUdfStreamOperator } from './abstract-udf-stream-operator.ts';
import { shallowCopy } from './shallow-copy.ts';
import type { OneInputStreamOperator, OperatorContext, Output } from './stream-operator.ts';
import { StreamRecord } from './stream-record.ts';
import type { InternalTimer } from '../time/internal-timer.ts';
import type { InternalTimerService } from '../time/internal-timer-service.ts';
import type { Triggerable } from '../time/triggerable.ts';
import { VoidNamespace } from '../state/void-namespace.ts';

/** Flink's name for the reduced value's state. */
const STATE_NAME = '_op_state';

export class StreamGroupedReduce<T> extends AbstractUdfStreamOperator<ReduceFunction<T>, T> implements OneInputStreamOperator<T, T>, Triggerable<unknown, VoidNamespace> {
  private readonly reuse = new StreamRecord<T>(undefined as T);
  private values!: ValueState<T>;
  /** BATCH only: where each key's end-of-input timer waits. */
  private finalResults?: InternalTimerService<VoidNamespace>;

  override async open(context: OperatorContext, output: Output<T>): Promise<void> {
    await super.open(context, output);
    this.values = this.getPartitionedState(new ValueStateDescriptor<T>(STATE_NAME));
    if (context.runtimeMode === 'BATCH') this.finalResults = this.getInternalTimerService('batch-reduce-final-results', this);
  }

  processElement(record: StreamRecord<T>): void {
    const current = this.values.value();
    const next = current === null ? record.value : this.userFunction.reduce(current, record.value);
    this.values.update(next);
    if (!this.finalResults) this.emit(next, record.timestamp);
    else if (current === null) this.finalResults.registerEventTimeTimer(VoidNamespace, endOfTime);
  }

  onEventTime(timer: InternalTimer<unknown, VoidNamespace>): void {
    const value = this.values.value();
    if (value !== null) this.emit(value, timer.timestamp);
  }

  onProcessingTime(): void {}

  private emit(value: T, timestamp: number | undefined): void {
    this.output.collect(this.reuse.replace(typeof value === 'object' && value !== null ? shallowCopy(value) : value, timestamp));
  }
}

/** Flink's Long.MAX_VALUE: the final results' timestamp, reached only by the end of input's watermark. */
const endOfTime = Number.MAX_SAFE_INTEGER;
