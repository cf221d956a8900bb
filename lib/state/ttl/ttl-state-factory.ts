// Flink's TtlStateFactory: a descriptor with TTL enabled gets the backend's state for
// TtlValue-wrapped values, behind the TTL decorator of its kind. The backend only says how to
// create a state from a descriptor; TTL works the same over every backend.
import { AggregatingStateDescriptor } from '../aggregating-state-descriptor.ts';
import type { InternalKvState } from '../internal-kv-state.ts';
import type { InternalStateFor } from '../keyed-state-backend.ts';
import { ListStateDescriptor } from '../list-state-descriptor.ts';
import { MapStateDescriptor } from '../map-state-descriptor.ts';
import { ReducingStateDescriptor } from '../reducing-state-descriptor.ts';
import type { AnyStateDescriptor } from '../state-descriptor.ts';
import { ValueStateDescriptor } from '../value-state-descriptor.ts';
import type { StateTtlConfig } from './state-ttl-config.ts';
import { TtlAggregateFunction, TtlAggregatingState } from './ttl-aggregating-state.ts';
import { TtlListState } from './ttl-list-state.ts';
import { TtlMapState } from './ttl-map-state.ts';
import { TtlReduceFunction, TtlReducingState } from './ttl-reducing-state.ts';
import type { TtlTimeProvider } from './ttl-time-provider.ts';
import { isExpired, type TtlValue } from './ttl-value.ts';
import { TtlValueState } from './ttl-value-state.ts';

/** Creates the state of a descriptor; TTL hands it descriptors for wrapped values. */
export type CreateInternalState = <D extends AnyStateDescriptor>(descriptor: D) => InternalStateFor<unknown, D>;

export function createStateAndWrapWithTtlIfEnabled(descriptor: AnyStateDescriptor, create: CreateInternalState, timeProvider: TtlTimeProvider): InternalKvState<unknown> {
  const config = descriptor.ttlConfig;
  if (!config?.isEnabled()) return create(descriptor);
  const { name } = descriptor;
  switch (descriptor.type) {
    case 'value':
      return new TtlValueState(create(new ValueStateDescriptor<TtlValue<unknown>>(name)), config, timeProvider, descriptor.defaultValue);
    case 'list':
      return new TtlListState(create(new ListStateDescriptor<TtlValue<unknown>>(name)), config, timeProvider);
    case 'map':
      return new TtlMapState(create(new MapStateDescriptor<unknown, TtlValue<unknown>>(name)), config, timeProvider);
    case 'reducing':
      return new TtlReducingState(create(new ReducingStateDescriptor(name, new TtlReduceFunction(descriptor.reduceFunction, config, timeProvider))), config, timeProvider);
    case 'aggregating':
      return new TtlAggregatingState(create(new AggregatingStateDescriptor(name, new TtlAggregateFunction(descriptor.aggregateFunction, config, timeProvider))), config, timeProvider, descriptor.aggregateFunction);
  }
}

/**
 * With cleanupFullSnapshot: drops the expired parts of a value in its snapshot form (a
 * TtlValue; a list of them; a map's [user key, TtlValue] pairs). Undefined: nothing is left.
 */
export function ttlSnapshotTransformer(descriptor: AnyStateDescriptor, config: StateTtlConfig, timeProvider: TtlTimeProvider): (value: unknown) => unknown {
  const live = (value: TtlValue<unknown>) => !isExpired(value, config, timeProvider.currentTimestamp());
  switch (descriptor.type) {
    case 'list':
    case 'map': {
      const element = descriptor.type === 'list' ? (entry: unknown) => entry as TtlValue<unknown> : (entry: unknown) => (entry as [unknown, TtlValue<unknown>])[1];
      return (value) => {
        const kept = (value as unknown[]).filter((entry) => live(element(entry)));
        return kept.length === 0 ? undefined : kept;
      };
    }
    default:
      return (value) => (live(value as TtlValue<unknown>) ? value : undefined);
  }
}
