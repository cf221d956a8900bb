// Where a job's keyed state lives (Flink's StateBackend), chosen per job with
// env.setStateBackend(...) or for the cluster under `state.backend.type`: HashMapStateBackend
// (objects on the heap, the default) or EmbeddedLevelDBStateBackend (a LevelDB database on
// local disk per keyed operator subtask, for state larger than memory). Checkpoints do not
// depend on it: both write the same key-group snapshots to the checkpoint storage.
import type { KeyedStateBackendOptions } from './abstract-keyed-state-backend.ts';
import type { KeyedStateBackend } from './keyed-state-backend.ts';

/** Flink's `state.backend.type` values, as Sluice has them. */
export const stateBackendTypes = ['hashmap', 'leveldb'] as const;
export type StateBackendType = (typeof stateBackendTypes)[number];

export interface StateBackend {
  /** Its `state.backend.type`: what the JobGraph carries to the TaskManagers. */
  readonly type: StateBackendType;
  /** The keyed state of one keyed operator subtask, empty and ready to use. */
  createKeyedStateBackend<K>(options: KeyedStateBackendOptions): Promise<KeyedStateBackend<K>>;
}
