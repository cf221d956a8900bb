// A rolling reduce per key (Flink's StreamGroupedReduce): the first record of a key is
// emitted as is, every later one is reduced with the key's current value and emitted,
// with the input record's timestamp. The current value is keyed ValueState, so it lives
// in the key group of its key (the runtime sets the key before each record) and is
// checkpointed with it. What goes downstream is a copy: a chained operator that mutates
// its input must not change the value kept for the key.
import type { ReduceFunction } from '../functions/functions.ts';
import type { ValueState } from '../state/value-state.ts';
import { ValueStateDescriptor } from '../state/value-state-descriptor.ts';
import { AbstractUdfStreamOperator } from './abstract-udf-stream-operator.ts';
import { shallowCopy } from './shallow-copy.ts';
import type { OneInputStreamOperator, OperatorContext, Output } from './stream-operator.ts';
import { StreamRecord } from './stream-record.ts';

/** Flink's name for the reduced value's state. */
const STATE_NAME = '_op_state';

export class StreamGroupedReduce<T> extends AbstractUdfStreamOperator<ReduceFunction<T>, T> implements OneInputStreamOperator<T, T> {
  private readonly reuse = new StreamRecord<T>(undefined as T);
  private values!: ValueState<T>;

  override async open(context: OperatorContext, output: Output<T>): Promise<void> {
    await super.open(context, output);
    this.values = this.getPartitionedState(new ValueStateDescriptor<T>(STATE_NAME));
  }

  processElement(record: StreamRecord<T>): void {
    const current = this.values.value();
    const next = current === null ? record.value : this.userFunction.reduce(current, record.value);
    this.values.update(next);
    this.output.collect(this.reuse.replace(typeof next === 'object' && next !== null ? shallowCopy(next) : next, record.timestamp));
  }
}
