// What a function asks for when it requests state (Flink's StateDescriptor): a name that is
// unique within the operator and the kind of state. The backend creates the state from it; the
// name is how a snapshot's values find their state again after a restore.

import type { AggregatingStateDescriptor } from './aggregating-state-descriptor.ts';
import type { ListStateDescriptor } from './list-state-descriptor.ts';
import type { MapStateDescriptor } from './map-state-descriptor.ts';
import type { ReducingStateDescriptor } from './reducing-state-descriptor.ts';
import type { StateTtlConfig } from './ttl/state-ttl-config.ts';
import type { ValueStateDescriptor } from './value-state-descriptor.ts';

/** The kinds of keyed state. */
export type StateDescriptorType = 'value' | 'list' | 'map' | 'reducing' | 'aggregating';

export abstract class StateDescriptor<T> {
  abstract readonly type: StateDescriptorType;
  private ttl?: StateTtlConfig;

  constructor(
    readonly name: string,
    /** Returned when a key has no value. Shared by every key: do not mutate it. */
    readonly defaultValue: T | null = null,
  ) {
    if (typeof name !== 'string' || name === '') throw new TypeError('a state descriptor needs a non-empty name');
  }

  /** Values of this state expire as the config says (Flink's StateDescriptor.enableTimeToLive). */
  enableTimeToLive(ttlConfig: StateTtlConfig): void {
    this.ttl = ttlConfig;
  }

  get ttlConfig(): StateTtlConfig | undefined {
    return this.ttl;
  }
}

/** Every descriptor kind, discriminated by `type`: what a backend switches on to create the state. */
export type AnyStateDescriptor =
  | ValueStateDescriptor<unknown>
  | ListStateDescriptor<unknown>
  | MapStateDescriptor<unknown, unknown>
  | ReducingStateDescriptor<unknown>
  | AggregatingStateDescriptor<unknown, unknown, unknown>;
