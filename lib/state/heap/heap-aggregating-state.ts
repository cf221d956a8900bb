// AggregatingState on the heap: the table holds the accumulator; get() computes the result.
import type { AggregateFunction } from '../../functions/aggregate-function.ts';
import type { InternalAggregatingState } from '../internal-kv-state.ts';
import { AbstractHeapMergingState } from './abstract-heap-merging-state.ts';
import type { KeyedStateTable } from '../keyed-state-table.ts';

export class HeapAggregatingState<K, N, IN, ACC, OUT> extends AbstractHeapMergingState<K, N, ACC> implements InternalAggregatingState<N, IN, ACC, OUT> {
  constructor(table: KeyedStateTable<K, N, ACC>, private readonly aggregateFunction: AggregateFunction<IN, ACC, OUT>) {
    super(table);
  }

  get(): OUT | null {
    const accumulator = this.table.get(this.currentNamespaceId);
    return accumulator === undefined ? null : this.aggregateFunction.getResult(accumulator);
  }

  add(value: IN): void {
    const accumulator = this.table.get(this.currentNamespaceId) ?? this.aggregateFunction.createAccumulator();
    this.table.put(this.currentNamespace, this.currentNamespaceId, this.aggregateFunction.add(value, accumulator));
  }

  protected mergeState(target: ACC, source: ACC): ACC {
    return this.aggregateFunction.merge(target, source);
  }
}
