// ListState with TTL (Flink's TtlListState): every element expires on its own.
import type { InternalListState } from '../internal-kv-state.ts';
import { AbstractTtlState } from './abstract-ttl-state.ts';
import type { TtlValue } from './ttl-value.ts';

export class TtlListState<N, T> extends AbstractTtlState<N, InternalListState<N, TtlValue<T>>> implements InternalListState<N, T> {
  get(): Iterable<T> {
    const stored = [...this.original.get()];
    const kept = stored.filter((element) => !this.expired(element));
    const result = (this.returnExpired ? stored : kept).map((element) => element.v);
    if (this.updateOnRead) this.original.update(kept.map((element) => this.wrap(element.v)));
    else if (kept.length < stored.length) this.original.update(kept);
    return result;
  }

  add(value: T): void {
    this.original.add(this.wrap(value));
  }

  addAll(values: Iterable<T>): void {
    this.original.addAll(Array.from(values, (value) => this.wrap(value)));
  }

  update(values: Iterable<T>): void {
    this.original.update(Array.from(values, (value) => this.wrap(value)));
  }

  getInternal(): T[] | undefined {
    const list = [...this.get()];
    return list.length === 0 ? undefined : list;
  }

  updateInternal(values: T[]): void {
    this.update(values);
  }

  mergeNamespaces(target: N, sources: Iterable<N>): void {
    this.original.mergeNamespaces(target, sources);
  }
}
