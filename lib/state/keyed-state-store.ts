// What a RuntimeContext hands out to user functions (Flink's KeyedStateStore): state of the
// current key, in no namespace.
import type { KeyedStateBackend } from './keyed-state-backend.ts';
import type { ValueState } from './value-state.ts';
import type { ValueStateDescriptor } from './value-state-descriptor.ts';
import { VoidNamespace } from './void-namespace.ts';

export interface KeyedStateStore {
  getState<T>(descriptor: ValueStateDescriptor<T>): ValueState<T>;
}

export class DefaultKeyedStateStore implements KeyedStateStore {
  constructor(private readonly backend: KeyedStateBackend<unknown>) {}

  getState<T>(descriptor: ValueStateDescriptor<T>): ValueState<T> {
    return this.backend.getPartitionedState(VoidNamespace, descriptor);
  }
}
