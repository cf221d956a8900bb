// Flink's FileWriterBucket: the part files of one bucket written by one subtask. At most one
// part file is in progress; the rolling policy closes it (on an event, on a processing-time
// check, at a checkpoint, at the end of input) and it waits, pending, for the next
// prepareCommit to hand it to the committer.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { FileSinkCommittable } from './file-committer.ts';
import { InProgressPartFile, type InProgressFileRecoverable, type PendingFileRecoverable } from './in-progress-part-file.ts';
import type { OutputFileConfig } from './output-file-config.ts';
import { PartFileNaming } from './part-file-naming.ts';
import type { RollingPolicy } from './rolling-policy.ts';
import type { Encoder } from './simple-string-encoder.ts';

/** Flink's FileWriterBucketState: what a checkpoint records of a bucket. */
export interface FileWriterBucketState {
  bucketId: string;
  bucketPath: string;
  inProgressFile?: InProgressFileRecoverable;
}

/** What every bucket of one writer shares. */
export interface BucketSettings<IN> {
  encoder: Encoder<IN>;
  rollingPolicy: RollingPolicy<IN>;
  outputFileConfig: OutputFileConfig;
  subtask: number;
}

export class FileWriterBucket<IN> {
  private inProgress?: InProgressPartFile;
  private pending: PendingFileRecoverable[] = [];
  private partCounter = 0;
  private directoryMade = false;
  private readonly naming: PartFileNaming;

  constructor(
    readonly bucketId: string,
    private readonly bucketPath: string,
    private readonly settings: BucketSettings<IN>,
  ) {
    this.naming = new PartFileNaming(settings.outputFileConfig, settings.subtask);
  }

  static restore<IN>(state: FileWriterBucketState, settings: BucketSettings<IN>): FileWriterBucket<IN> {
    const bucket = new FileWriterBucket(state.bucketId, state.bucketPath, settings);
    if (state.inProgressFile) bucket.inProgress = InProgressPartFile.resume(state.bucketId, state.inProgressFile);
    return bucket;
  }

  write(element: IN, now: number): void {
    let part = this.inProgress;
    if (!part || this.settings.rollingPolicy.shouldRollOnEvent(part, element)) part = this.rollPartFile(now);
    this.settings.encoder.encode(element, part);
    part.touch(now);
  }

  onProcessingTime(now: number): void {
    if (this.inProgress && this.settings.rollingPolicy.shouldRollOnProcessingTime(this.inProgress, now)) this.closePartFile();
  }

  /** The part files closed since the last call; at a checkpoint the policy may close the in-progress one, at the end of input it is closed. */
  prepareCommit(endOfInput: boolean): FileSinkCommittable[] {
    if (this.inProgress && (endOfInput || this.settings.rollingPolicy.shouldRollOnCheckpoint(this.inProgress))) this.closePartFile();
    const committables = this.pending.map((pendingFile) => ({ bucketId: this.bucketId, pendingFile }));
    this.pending = [];
    return committables;
  }

  snapshotState(): FileWriterBucketState {
    return { bucketId: this.bucketId, bucketPath: this.bucketPath, ...(this.inProgress ? { inProgressFile: this.inProgress.persist() } : {}) };
  }

  /** A bucket with nothing in progress or pending can be forgotten. */
  isActive(): boolean {
    return this.inProgress !== undefined || this.pending.length > 0;
  }

  dispose(): void {
    this.inProgress?.dispose();
  }

  private rollPartFile(now: number): InProgressPartFile {
    this.closePartFile();
    if (!this.directoryMade) {
      mkdirSync(this.bucketPath, { recursive: true });
      this.directoryMade = true;
    }
    const name = this.naming.partFileName(this.partCounter++);
    const part = InProgressPartFile.create(this.bucketId, join(this.bucketPath, PartFileNaming.inProgressFileName(name)), join(this.bucketPath, name), now);
    return (this.inProgress = part);
  }

  private closePartFile(): void {
    if (!this.inProgress) return;
    this.pending.push(this.inProgress.closeForCommit());
    this.inProgress = undefined;
  }
}
