// ValueState on the heap: the table holds the value itself, so a read is an array index and two map lookups.
import type { InternalValueState } from '../internal-kv-state.ts';
import { AbstractHeapState } from './abstract-heap-state.ts';
import type { KeyedStateTable } from '../keyed-state-table.ts';

export class HeapValueState<K, N, T> extends AbstractHeapState<K, N, T> implements InternalValueState<N, T> {
  constructor(table: KeyedStateTable<K, N, T>, private readonly defaultValue: T | null) {
    super(table);
  }

  value(): T | null {
    const value = this.table.get(this.currentNamespaceId);
    return value === undefined ? this.defaultValue : value;
  }

  update(value: T | null | undefined): void {
    if (value === null || value === undefined) this.clear();
    else this.table.put(this.currentNamespace, this.currentNamespaceId, value);
  }
}
