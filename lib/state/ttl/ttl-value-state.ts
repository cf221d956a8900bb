// ValueState with TTL (Flink's TtlValueState).
import type { InternalValueState } from '../internal-kv-state.ts';
import { AbstractTtlState } from './abstract-ttl-state.ts';
import type { StateTtlConfig } from './state-ttl-config.ts';
import type { TtlTimeProvider } from './ttl-time-provider.ts';
import type { TtlValue } from './ttl-value.ts';

export class TtlValueState<N, T> extends AbstractTtlState<N, InternalValueState<N, TtlValue<T>>> implements InternalValueState<N, T> {
  constructor(original: InternalValueState<N, TtlValue<T>>, config: StateTtlConfig, timeProvider: TtlTimeProvider, private readonly defaultValue: T | null) {
    super(original, config, timeProvider);
  }

  value(): T | null {
    const value = this.readUnexpired(this.original.value(), () => this.original.clear(), (refreshed) => this.original.update(refreshed));
    return value === undefined ? this.defaultValue : value;
  }

  update(value: T | null | undefined): void {
    this.original.update(value === null || value === undefined ? null : this.wrap(value));
  }
}
