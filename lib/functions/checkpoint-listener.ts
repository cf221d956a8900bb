// Flink's CheckpointListener: a user function (or sink writer) told when a checkpoint it took
// part in completed or was aborted. Completion is where side effects become visible: a
// two-phase-commit sink commits what it pre-committed for that checkpoint. Notifications may
// be skipped (a later completion subsumes earlier ones), so act on everything up to the id.

export interface CheckpointListener {
  notifyCheckpointComplete(checkpointId: number): void | Promise<void>;
  notifyCheckpointAborted?(checkpointId: number): void | Promise<void>;
}

/** Duck-typed: a job bundle may hold its own copy of this module. */
export function isCheckpointListener(fn: object): fn is CheckpointListener {
  return typeof (fn as Partial<CheckpointListener>).notifyCheckpointComplete === 'function';
}
