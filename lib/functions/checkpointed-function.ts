// Flink's CheckpointedFunction: a user function with operator state (a source's offsets, a
// sink's pending writes). The operator calls initializeState before open (with the restored
// state, if any) and snapshotState at each checkpoint, before it takes the state's snapshot.
import type { KeyedStateStore } from '../state/keyed-state-store.ts';
import type { OperatorStateStore } from '../state/operator/operator-state-store.ts';

export interface FunctionSnapshotContext {
  getCheckpointId(): number;
}

/** Flink's FunctionInitializationContext. */
export interface FunctionInitializationContext {
  /** True when the state was restored from a checkpoint or savepoint. */
  isRestored(): boolean;
  getOperatorStateStore(): OperatorStateStore;
  /** Keyed state, only in an operator after keyBy(); undefined elsewhere. */
  getKeyedStateStore(): KeyedStateStore | undefined;
}

export interface CheckpointedFunction {
  /** Brings the state up to date with the function's fields: the snapshot is taken right after. */
  snapshotState(context: FunctionSnapshotContext): void;
  /** Registers the function's state (and reads what was restored) before open. */
  initializeState(context: FunctionInitializationContext): void | Promise<void>;
}

/** Duck-typed: a job bundle may hold its own copy of this module. */
export function isCheckpointedFunction(fn: object): fn is CheckpointedFunction {
  const candidate = fn as Partial<CheckpointedFunction>;
  return typeof candidate.snapshotState === 'function' && typeof candidate.initializeState === 'function';
}
