// ListState on the heap: the table holds the list as an array.
import type { InternalListState } from '../internal-kv-state.ts';
import { AbstractHeapMergingState } from './abstract-heap-merging-state.ts';

export class HeapListState<K, N, T> extends AbstractHeapMergingState<K, N, T[]> implements InternalListState<N, T> {
  get(): Iterable<T> {
    return this.table.get(this.currentNamespaceId) ?? [];
  }

  add(value: T): void {
    this.addAll([value]);
  }

  addAll(values: Iterable<T>): void {
    const list = this.table.get(this.currentNamespaceId) ?? [];
    const before = list.length;
    for (const value of values) list.push(this.checked(value));
    if (list.length > before) this.table.put(this.currentNamespace, this.currentNamespaceId, list);
  }

  update(values: Iterable<T>): void {
    const list = Array.from(values, (value) => this.checked(value));
    if (list.length === 0) this.clear();
    else this.table.put(this.currentNamespace, this.currentNamespaceId, list);
  }

  protected mergeState(target: T[], source: T[]): T[] {
    for (const value of source) target.push(value);
    return target;
  }

  private checked(value: T): T {
    if (value === null || value === undefined) throw new TypeError(`state "${this.table.name}" of ${this.table.description}: you cannot add null to a ListState`);
    return value;
  }
}
