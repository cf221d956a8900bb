// Flink's FileWriter: the SinkWriter of a FileSink subtask. It sends each record to its
// bucket's in-progress part file, checks the rolling policy's time limits every bucket check
// interval (as a timer in the task's mailbox), hands the pending part files to the committer
// before each barrier, and records each bucket's in-progress file in the checkpoint.
import { join } from 'node:path';
import type { PrecommittingSinkWriter, SinkWriterContext, StatefulSinkWriter } from '../../lib/connector/sink2/sink.ts';
import type { Cancellable, ProcessingTimeService } from '../../lib/time/processing-time-service.ts';
import type { BucketAssigner, BucketAssignerContext } from './bucket-assigner.ts';
import type { FileSinkCommittable } from './file-committer.ts';
import { FileWriterBucket, type BucketSettings, type FileWriterBucketState } from './file-writer-bucket.ts';

/**
 * What a checkpoint records of one writer: its buckets, and where it ran. Unlike Flink's
 * per-bucket state, one entry per subtask, so that a restore can tell whether the
 * parallelism is the one the checkpoint was taken at (each subtask gets its own entry back).
 */
export interface FileWriterState {
  subtask: number;
  parallelism: number;
  buckets: FileWriterBucketState[];
}

export interface FileWriterSettings<IN> extends BucketSettings<IN> {
  basePath: string;
  bucketAssigner: BucketAssigner<IN>;
  bucketCheckInterval: number;
  clock: ProcessingTimeService;
  parallelism: number;
}

export class FileWriter<IN> implements StatefulSinkWriter<IN, FileWriterState>, PrecommittingSinkWriter<IN, FileSinkCommittable> {
  private readonly buckets = new Map<string, FileWriterBucket<IN>>();
  private endOfInput = false;
  private timer?: Cancellable;

  constructor(private readonly settings: FileWriterSettings<IN>, restored: FileWriterBucketState[] = []) {
    for (const state of restored) this.buckets.set(state.bucketId, FileWriterBucket.restore(state, settings));
    this.scheduleBucketCheck();
  }

  write(element: IN, context: SinkWriterContext): void {
    const { settings } = this;
    const now = settings.clock.getCurrentProcessingTime();
    const assignerContext: BucketAssignerContext = { currentProcessingTime: () => now, currentWatermark: context.currentWatermark, timestamp: context.timestamp };
    const bucketId = settings.bucketAssigner.getBucketId(element, assignerContext);
    let bucket = this.buckets.get(bucketId);
    if (!bucket) this.buckets.set(bucketId, (bucket = new FileWriterBucket(bucketId, join(settings.basePath, bucketId), settings)));
    bucket.write(element, now);
  }

  /** Part files are written out at the checkpoint itself (prepareCommit, snapshotState): here only the end of input is noted. */
  flush(endOfInput: boolean): void {
    this.endOfInput = endOfInput;
  }

  prepareCommit(): FileSinkCommittable[] {
    const committables: FileSinkCommittable[] = [];
    for (const [bucketId, bucket] of this.buckets) {
      committables.push(...bucket.prepareCommit(this.endOfInput));
      if (!bucket.isActive()) this.buckets.delete(bucketId);
    }
    return committables;
  }

  snapshotState(_checkpointId: number): FileWriterState[] {
    const { subtask, parallelism } = this.settings;
    return [{ subtask, parallelism, buckets: [...this.buckets.values()].map((bucket) => bucket.snapshotState()) }];
  }

  /** The in-progress files stay hidden: a restore resumes or discards them. */
  close(): void {
    this.timer?.cancel();
    for (const bucket of this.buckets.values()) bucket.dispose();
  }

  private scheduleBucketCheck(): void {
    const { clock, bucketCheckInterval } = this.settings;
    this.timer = clock.registerTimer(clock.getCurrentProcessingTime() + bucketCheckInterval, () => {
      const now = clock.getCurrentProcessingTime();
      for (const bucket of this.buckets.values()) bucket.onProcessingTime(now);
      this.scheduleBucketCheck();
    });
  }
}
