// Keyed state: the descriptors and states user functions see, and the backends behind them
// (heap and LevelDB).
export type { State } from './state.ts';
export type { ValueState } from './value-state.ts';
export type { AppendingState, MergingState } from './merging-state.ts';
export type { ListState } from './list-state.ts';
export type { MapState } from './map-state.ts';
export type { ReducingState } from './reducing-state.ts';
export type { AggregatingState } from './aggregating-state.ts';
export { StateDescriptor, type StateDescriptorType, type AnyStateDescriptor } from './state-descriptor.ts';
export { ValueStateDescriptor } from './value-state-descriptor.ts';
export { ListStateDescriptor } from './list-state-descriptor.ts';
export { MapStateDescriptor } from './map-state-descriptor.ts';
export { ReducingStateDescriptor } from './reducing-state-descriptor.ts';
export { AggregatingStateDescriptor } from './aggregating-state-descriptor.ts';
export { VoidNamespace } from './void-namespace.ts';
export type { InternalKeyContext } from './internal-key-context.ts';
export type {
  InternalKvState,
  InternalAppendingState,
  InternalMergingState,
  InternalValueState,
  InternalListState,
  InternalMapState,
  InternalReducingState,
  InternalAggregatingState,
} from './internal-kv-state.ts';
export type { KeyGroupStateSnapshot, StateSnapshot, StateEntrySnapshot } from './key-group-state-snapshot.ts';
export type { KeyedStateBackend, InternalStateFor } from './keyed-state-backend.ts';
export { DefaultKeyedStateStore, type KeyedStateStore } from './keyed-state-store.ts';
export { HeapKeyedStateBackend, type HeapKeyedStateBackendOptions } from './heap/heap-keyed-state-backend.ts';
export { AbstractKeyedStateBackend, type KeyedStateBackendOptions } from './abstract-keyed-state-backend.ts';
export { LevelDBKeyedStateBackend, type LevelDBKeyedStateBackendOptions } from './leveldb/leveldb-keyed-state-backend.ts';
export { stateBackendTypes, type StateBackend, type StateBackendType } from './state-backend.ts';
export { HashMapStateBackend } from './heap/hash-map-state-backend.ts';
export { EmbeddedLevelDBStateBackend } from './leveldb/embedded-leveldb-state-backend.ts';
export { stateBackendFromConfiguration, stateBackendOfType, parseStateBackendType } from './state-backend-options.ts';
export { StateTtlConfig, StateTtlConfigBuilder, type UpdateType, type StateVisibility, type TtlTimeCharacteristic } from './ttl/state-ttl-config.ts';
export { systemTtlTimeProvider, type TtlTimeProvider } from './ttl/ttl-time-provider.ts';
export type { OperatorStateStore } from './operator/operator-state-store.ts';
export type { BroadcastState, ReadOnlyBroadcastState } from './operator/broadcast-state.ts';
export { DefaultOperatorStateBackend } from './operator/default-operator-state-backend.ts';
export { isOperatorStateSnapshot, type OperatorStateSnapshot, type OperatorStateEntrySnapshot, type OperatorStateDistributionMode } from './operator/operator-state-snapshot.ts';
export { repartitionOperatorState } from './operator/round-robin-operator-state-repartitioner.ts';
export { packKeyGroupSnapshot, packOperatorStateSnapshot, packStateValue, unpackStateValue, StateEncodeError } from './state-snapshot-codec.ts';
