// The base of the TTL decorators (Flink's AbstractTtlState): each wraps the state the backend
// created for TtlValue-wrapped values and unwraps them, checking expiry on every read. An
// expired value is cleared when it is read; it is returned once more only with
// ReturnExpiredIfNotCleanedUp.
import type { InternalKvState } from '../internal-kv-state.ts';
import type { StateTtlConfig } from './state-ttl-config.ts';
import type { TtlTimeProvider } from './ttl-time-provider.ts';
import { isExpired, type TtlValue } from './ttl-value.ts';

export abstract class AbstractTtlState<N, S extends InternalKvState<N>> implements InternalKvState<N> {
  constructor(
    protected readonly original: S,
    protected readonly config: StateTtlConfig,
    protected readonly timeProvider: TtlTimeProvider,
  ) {}

  setCurrentNamespace(namespace: N): void {
    this.original.setCurrentNamespace(namespace);
  }

  clear(): void {
    this.original.clear();
  }

  protected wrap<T>(value: T): TtlValue<T> {
    return { v: value, ts: this.timeProvider.currentTimestamp() };
  }

  protected expired(value: TtlValue<unknown>): boolean {
    return isExpired(value, this.config, this.timeProvider.currentTimestamp());
  }

  protected get returnExpired(): boolean {
    return this.config.stateVisibility === 'ReturnExpiredIfNotCleanedUp';
  }

  protected get updateOnRead(): boolean {
    return this.config.updateType === 'OnReadAndWrite';
  }

  /**
   * The unwrapped value of a stored TtlValue, or undefined. `cleanup` removes it when it has
   * expired; `refresh` stores it again with a new timestamp when reads refresh the TTL.
   */
  protected readUnexpired<T>(stored: TtlValue<T> | null | undefined, cleanup: () => void, refresh: (value: TtlValue<T>) => void): T | undefined {
    if (stored === null || stored === undefined) return undefined;
    if (this.expired(stored)) {
      cleanup();
      return this.returnExpired ? stored.v : undefined;
    }
    if (this.updateOnRead) refresh(this.wrap(stored.v));
    return stored.v;
  }
}
