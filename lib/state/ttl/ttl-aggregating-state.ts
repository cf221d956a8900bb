// AggregatingState with TTL (Flink's TtlAggregatingState): the backend's state holds a
// TtlValue accumulator through a TtlAggregateFunction; an expired accumulator starts over.
import type { AggregateFunction } from '../../functions/aggregate-function.ts';
import type { InternalAggregatingState } from '../internal-kv-state.ts';
import { AbstractTtlState } from './abstract-ttl-state.ts';
import type { StateTtlConfig } from './state-ttl-config.ts';
import type { TtlTimeProvider } from './ttl-time-provider.ts';
import { isExpired, type TtlValue } from './ttl-value.ts';

export class TtlAggregateFunction<IN, ACC, OUT> implements AggregateFunction<IN, TtlValue<ACC>, OUT> {
  constructor(private readonly original: AggregateFunction<IN, ACC, OUT>, private readonly config: StateTtlConfig, private readonly timeProvider: TtlTimeProvider) {}

  createAccumulator(): TtlValue<ACC> {
    return { v: this.original.createAccumulator(), ts: this.timeProvider.currentTimestamp() };
  }

  add(value: IN, accumulator: TtlValue<ACC>): TtlValue<ACC> {
    const now = this.timeProvider.currentTimestamp();
    const current = isExpired(accumulator, this.config, now) ? this.original.createAccumulator() : accumulator.v;
    return { v: this.original.add(value, current), ts: now };
  }

  getResult(accumulator: TtlValue<ACC>): OUT {
    return this.original.getResult(accumulator.v);
  }

  merge(a: TtlValue<ACC>, b: TtlValue<ACC>): TtlValue<ACC> {
    const now = this.timeProvider.currentTimestamp();
    if (isExpired(a, this.config, now)) return b;
    if (isExpired(b, this.config, now)) return a;
    return { v: this.original.merge(a.v, b.v), ts: now };
  }
}

export class TtlAggregatingState<N, IN, ACC, OUT> extends AbstractTtlState<N, InternalAggregatingState<N, IN, TtlValue<ACC>, OUT>> implements InternalAggregatingState<N, IN, ACC, OUT> {
  constructor(original: InternalAggregatingState<N, IN, TtlValue<ACC>, OUT>, config: StateTtlConfig, timeProvider: TtlTimeProvider, private readonly aggregateFunction: AggregateFunction<IN, ACC, OUT>) {
    super(original, config, timeProvider);
  }

  get(): OUT | null {
    const accumulator = this.readUnexpired(this.original.getInternal(), () => this.original.clear(), (refreshed) => this.original.updateInternal(refreshed));
    return accumulator === undefined ? null : this.aggregateFunction.getResult(accumulator);
  }

  add(value: IN): void {
    this.original.add(value);
  }

  getInternal(): ACC | undefined {
    return this.original.getInternal()?.v;
  }

  updateInternal(value: ACC): void {
    this.original.updateInternal(this.wrap(value));
  }

  mergeNamespaces(target: N, sources: Iterable<N>): void {
    this.original.mergeNamespaces(target, sources);
  }
}
