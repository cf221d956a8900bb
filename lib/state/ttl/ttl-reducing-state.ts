// ReducingState with TTL (Flink's TtlReducingState): the backend's state reduces TtlValues
// through a TtlReduceFunction, which reduces only unexpired values.
import type { ReduceFunction } from '../../functions/functions.ts';
import type { InternalReducingState } from '../internal-kv-state.ts';
import { AbstractTtlState } from './abstract-ttl-state.ts';
import type { StateTtlConfig } from './state-ttl-config.ts';
import type { TtlTimeProvider } from './ttl-time-provider.ts';
import { isExpired, type TtlValue } from './ttl-value.ts';

export class TtlReduceFunction<T> implements ReduceFunction<TtlValue<T>> {
  constructor(private readonly original: ReduceFunction<T>, private readonly config: StateTtlConfig, private readonly timeProvider: TtlTimeProvider) {}

  reduce(value1: TtlValue<T>, value2: TtlValue<T>): TtlValue<T> {
    const now = this.timeProvider.currentTimestamp();
    if (isExpired(value1, this.config, now)) return value2;
    if (isExpired(value2, this.config, now)) return value1;
    return { v: this.original.reduce(value1.v, value2.v), ts: now };
  }
}

export class TtlReducingState<N, T> extends AbstractTtlState<N, InternalReducingState<N, TtlValue<T>>> implements InternalReducingState<N, T> {
  get(): T | null {
    return this.readUnexpired(this.original.getInternal(), () => this.original.clear(), (refreshed) => this.original.updateInternal(refreshed)) ?? null;
  }

  add(value: T): void {
    this.original.add(this.wrap(value));
  }

  getInternal(): T | undefined {
    return this.original.getInternal()?.v;
  }

  updateInternal(value: T): void {
    this.original.updateInternal(this.wrap(value));
  }

  mergeNamespaces(target: N, sources: Iterable<N>): void {
    this.original.mergeNamespaces(target, sources);
  }
}
