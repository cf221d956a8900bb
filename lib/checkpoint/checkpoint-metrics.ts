// What a subtask measured while taking its part of a checkpoint (Flink's CheckpointMetrics),
// sent with its acknowledgement for the JobMaster's CheckpointStatsTracker.
export interface CheckpointMetrics {
  /** From the trigger (the barrier's timestamp) to the first barrier's arrival at this task. */
  checkpointStartDelayMs: number;
  /** From the first barrier's arrival to the last one's; 0 at a source or a single channel. */
  alignmentDurationMs: number;
  /** The snapshot taken on the task's thread, while the stream waits. */
  syncDurationMs: number;
  /** The snapshot's write-out after the stream went on. */
  asyncDurationMs: number;
}

/** A subtask's acknowledgement as the stats tracker records it. */
export interface SubtaskCheckpointReport {
  metrics: CheckpointMetrics;
  /** The encoded size of the subtask's state, in bytes. */
  stateSize: number;
}
