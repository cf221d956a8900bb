// ReducingState on the heap: the table holds the reduced value.
import type { ReduceFunction } from '../../functions/functions.ts';
import type { InternalReducingState } from '../internal-kv-state.ts';
import { AbstractHeapMergingState } from './abstract-heap-merging-state.ts';
import type { KeyedStateTable } from '../keyed-state-table.ts';

export class HeapReducingState<K, N, T> extends AbstractHeapMergingState<K, N, T> implements InternalReducingState<N, T> {
  constructor(table: KeyedStateTable<K, N, T>, private readonly reduceFunction: ReduceFunction<T>) {
    super(table);
  }

  get(): T | null {
    return this.table.get(this.currentNamespaceId) ?? null;
  }

  add(value: T): void {
    if (value === null || value === undefined) return;
    const current = this.table.get(this.currentNamespaceId);
    this.table.put(this.currentNamespace, this.currentNamespaceId, current === undefined ? value : this.reduceFunction.reduce(current, value));
  }

  protected mergeState(target: T, source: T): T {
    return this.reduceFunction.reduce(target, source);
  }
}
