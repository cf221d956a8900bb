// Flink's OperatorStateStore: where a CheckpointedFunction registers its operator state.
import type { ListState } from '../list-state.ts';
import type { ListStateDescriptor } from '../list-state-descriptor.ts';
import type { MapStateDescriptor } from '../map-state-descriptor.ts';
import type { BroadcastState } from './broadcast-state.ts';

export interface OperatorStateStore {
  /** A list redistributed evenly over the subtasks when the parallelism changes. */
  getListState<T>(descriptor: ListStateDescriptor<T>): ListState<T>;
  /** A list that every subtask gets in full (the union of all subtasks' lists) on restore. */
  getUnionListState<T>(descriptor: ListStateDescriptor<T>): ListState<T>;
  /** A map every subtask holds the same copy of. */
  getBroadcastState<K, V>(descriptor: MapStateDescriptor<K, V>): BroadcastState<K, V>;
}
