// A rolling reduce per key (Flink's StreamGroupedReduce): the first record of a key is
// emitted as is, every later one is reduced with the key's current value and emitted,
// with the input record's timestamp. Keys are compared by value (a tuple key `['a', 1]` is
// one key), as the partitioner does. What goes downstream is a copy: a chained operator
// that mutates its input must not change the value kept for the key.
import type { ReduceFunction } from '../functions/functions.ts';
import { keyIdentity } from '../exchange/key-groups.ts';
import { AbstractUdfStreamOperator } from './abstract-udf-stream-operator.ts';
import { shallowCopy } from './shallow-copy.ts';
import type { OneInputStreamOperator } from './stream-operator.ts';
import { StreamRecord } from './stream-record.ts';

/**
 * Where the operator keeps each key's current value. A Map for now; the keyed state
 * backends (heap, LevelDB, per key group) plug in here so that the value is checkpointed.
 */
export interface PerKeyValueStore<K, V> {
  get(key: K): V | undefined;
  set(key: K, value: V): void;
}

export class StreamGroupedReduce<T, K> extends AbstractUdfStreamOperator<ReduceFunction<T>, T> implements OneInputStreamOperator<T, T> {
  private readonly reuse = new StreamRecord<T>(undefined as T);

  constructor(
    reducer: ReduceFunction<T>,
    private readonly keySelector: (record: T) => K,
    private readonly values: PerKeyValueStore<unknown, T> = new Map<unknown, T>(),
  ) {
    super(reducer);
  }

  processElement(record: StreamRecord<T>): void {
    const key = keyIdentity(this.keySelector(record.value));
    const current = this.values.get(key);
    const next = current === undefined ? record.value : this.userFunction.reduce(current, record.value);
    this.values.set(key, next);
    this.output.collect(this.reuse.replace(typeof next === 'object' && next !== null ? shallowCopy(next) : next, record.timestamp));
  }
}
