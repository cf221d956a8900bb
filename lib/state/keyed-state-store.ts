// What a RuntimeContext hands out to user functions (Flink's KeyedStateStore): state of the
// current key, in no namespace, or in the namespace a window function is evaluated in.
import type { AggregatingState } from './aggregating-state.ts';
import type { AggregatingStateDescriptor } from './aggregating-state-descriptor.ts';
import type { KeyedStateBackend } from './keyed-state-backend.ts';
import type { ListState } from './list-state.ts';
import type { ListStateDescriptor } from './list-state-descriptor.ts';
import type { MapState } from './map-state.ts';
import type { MapStateDescriptor } from './map-state-descriptor.ts';
import type { ReducingState } from './reducing-state.ts';
import type { ReducingStateDescriptor } from './reducing-state-descriptor.ts';
import type { ValueState } from './value-state.ts';
import type { ValueStateDescriptor } from './value-state-descriptor.ts';
import { VoidNamespace } from './void-namespace.ts';

export interface KeyedStateStore {
  getState<T>(descriptor: ValueStateDescriptor<T>): ValueState<T>;
  getListState<T>(descriptor: ListStateDescriptor<T>): ListState<T>;
  getMapState<UK, UV>(descriptor: MapStateDescriptor<UK, UV>): MapState<UK, UV>;
  getReducingState<T>(descriptor: ReducingStateDescriptor<T>): ReducingState<T>;
  getAggregatingState<IN, ACC, OUT>(descriptor: AggregatingStateDescriptor<IN, ACC, OUT>): AggregatingState<IN, OUT>;
}

export class DefaultKeyedStateStore implements KeyedStateStore {
  constructor(
    private readonly backend: KeyedStateBackend<unknown>,
    private readonly namespace: () => unknown = () => VoidNamespace,
  ) {}

  getState<T>(descriptor: ValueStateDescriptor<T>): ValueState<T> {
    return this.backend.getPartitionedState(this.namespace(), descriptor);
  }

  getListState<T>(descriptor: ListStateDescriptor<T>): ListState<T> {
    return this.backend.getPartitionedState(this.namespace(), descriptor);
  }

  getMapState<UK, UV>(descriptor: MapStateDescriptor<UK, UV>): MapState<UK, UV> {
    return this.backend.getPartitionedState(this.namespace(), descriptor);
  }

  getReducingState<T>(descriptor: ReducingStateDescriptor<T>): ReducingState<T> {
    return this.backend.getPartitionedState(this.namespace(), descriptor);
  }

  getAggregatingState<IN, ACC, OUT>(descriptor: AggregatingStateDescriptor<IN, ACC, OUT>): AggregatingState<IN, OUT> {
    return this.backend.getPartitionedState(this.namespace(), descriptor);
  }
}
