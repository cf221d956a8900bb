// Flink's CheckpointType and SavepointType: what a triggered checkpoint is. A periodic
// CHECKPOINT belongs to the job and is retired when newer ones complete; a SAVEPOINT is
// taken on request into a directory of its own and is never discarded by the job. The
// synchronous savepoints of stop-with-savepoint end the job once they complete: SUSPEND
// leaves event time where it is, TERMINATE (`--drain`) first emits MAX_WATERMARK from the
// sources so that every event-time timer fires before the savepoint.
export type CheckpointType = 'CHECKPOINT' | 'SAVEPOINT' | 'SUSPEND' | 'TERMINATE';

export const isSavepoint = (type: CheckpointType): boolean => type !== 'CHECKPOINT';

/** A stop-with-savepoint: the sources stop after its barrier, and every task ends once it completes. */
export const isSynchronous = (type: CheckpointType): boolean => type === 'SUSPEND' || type === 'TERMINATE';
