// Flink's RollingPolicy: when an in-progress part file is closed and becomes pending. A part
// file that is not rolled at a checkpoint stays in progress across it: the checkpoint records
// its length, and a restore truncates it to that length and writes on.

/** Flink's PartFileInfo: what a policy knows about the in-progress part file. */
export interface PartFileInfo {
  readonly bucketId: string;
  /** Bytes written so far, buffered text counted in characters. */
  getSize(): number;
  getCreationTime(): number;
  getLastUpdateTime(): number;
}

export interface RollingPolicy<IN> {
  shouldRollOnCheckpoint(partFileState: PartFileInfo): boolean;
  /** Asked before `element` is written to the part file. */
  shouldRollOnEvent(partFileState: PartFileInfo, element: IN): boolean;
  /** Asked every bucket check interval (FileSink's withBucketCheckInterval). */
  shouldRollOnProcessingTime(partFileState: PartFileInfo, currentTime: number): boolean;
}
