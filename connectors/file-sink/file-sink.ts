// Flink's FileSink, row format: `FileSink.forRowFormat(basePath, new SimpleStringEncoder())
// .build()`, attached with `stream.sinkTo(sink)`. Exactly once with checkpointing: records go
// to hidden in-progress part files; before a checkpoint's barrier the rolling policy closes
// them into pending files, which the checkpoint records; when the checkpoint completes they
// are committed (renamed visible). A restore commits the restored checkpoint's pending files,
// resumes its in-progress files at their recorded length, and deletes the subtask's other
// in-progress files: records no completed checkpoint covers, which the sources replay. (Not
// after a change of parallelism: another subtask may then resume a file named by this one.)
// Without checkpointing the files become visible only at the end of input.
import { resolve } from 'node:path';
import type { Committer, StatefulSink, TwoPhaseCommittingSink, WriterInitContext } from '../../lib/connector/sink2/sink.ts';
import type { BucketAssigner } from './bucket-assigner.ts';
import { DateTimeBucketAssigner } from './date-time-bucket-assigner.ts';
import { DefaultRollingPolicy } from './default-rolling-policy.ts';
import { FileCommitter, type FileSinkCommittable } from './file-committer.ts';
import type { FileWriterBucketState } from './file-writer-bucket.ts';
import { FileWriter, type FileWriterState } from './file-writer.ts';
import { OutputFileConfig } from './output-file-config.ts';
import { discardUncommittedPartFiles } from './part-file-naming.ts';
import type { RollingPolicy } from './rolling-policy.ts';
import type { Encoder } from './simple-string-encoder.ts';

const defaultBucketCheckInterval = 60_000;

interface RowFormatSettings<IN> {
  basePath: string;
  encoder: Encoder<IN>;
  bucketAssigner: BucketAssigner<IN>;
  rollingPolicy: RollingPolicy<IN>;
  outputFileConfig: OutputFileConfig;
  bucketCheckInterval: number;
}

export class FileSink<IN> implements StatefulSink<IN, FileWriterState>, TwoPhaseCommittingSink<IN, FileSinkCommittable> {
  private constructor(private readonly settings: RowFormatSettings<IN>) {}

  /** Each record encoded into the part files by `encoder`; a relative `basePath` resolves against the job's directory. */
  static forRowFormat<IN>(basePath: string, encoder: Encoder<IN>): RowFormatBuilder<IN> {
    return new RowFormatBuilder(basePath, encoder);
  }

  /** @internal Built by RowFormatBuilder. */
  static create<IN>(settings: RowFormatSettings<IN>): FileSink<IN> {
    return new FileSink(settings);
  }

  /** A first attempt starts clean; a later one without a checkpoint to restore drops what the failed attempts wrote. */
  createWriter(context: WriterInitContext): FileWriter<IN> {
    if (context.getAttemptNumber() > 0) discardUncommittedPartFiles(this.basePath(context), this.settings.outputFileConfig, context.getSubtaskId(), new Set());
    return this.writer(context, []);
  }

  restoreWriter(context: WriterInitContext, recoveredState: FileWriterState[]): FileWriter<IN> {
    const buckets = recoveredState.flatMap((state) => state.buckets);
    const subtask = context.getSubtaskId();
    const sameParallelism = recoveredState.length > 0
      && recoveredState.every((state) => state.subtask === subtask && state.parallelism === context.getNumberOfParallelSubtasks());
    if (sameParallelism) {
      const resumed = new Set(buckets.flatMap((bucket) => (bucket.inProgressFile ? [bucket.inProgressFile.inProgressPath] : [])));
      discardUncommittedPartFiles(this.basePath(context), this.settings.outputFileConfig, subtask, resumed);
    }
    return this.writer(context, buckets);
  }

  createCommitter(): Committer<FileSinkCommittable> {
    return new FileCommitter();
  }

  private writer(context: WriterInitContext, restored: FileWriterBucketState[]): FileWriter<IN> {
    const { settings } = this;
    return new FileWriter({
      ...settings,
      basePath: this.basePath(context),
      subtask: context.getSubtaskId(),
      parallelism: context.getNumberOfParallelSubtasks(),
      clock: context.getProcessingTimeService(),
    }, restored);
  }

  private basePath(context: WriterInitContext): string {
    return resolve(context.getJobCwd(), this.settings.basePath);
  }
}

/** Flink's FileSink.DefaultRowFormatBuilder. */
export class RowFormatBuilder<IN> {
  private bucketAssigner: BucketAssigner<IN> = new DateTimeBucketAssigner();
  private rollingPolicy: RollingPolicy<IN> = DefaultRollingPolicy.builder().build();
  private outputFileConfig = new OutputFileConfig();
  private bucketCheckInterval = defaultBucketCheckInterval;

  constructor(
    private readonly basePath: string,
    private readonly encoder: Encoder<IN>,
  ) {}

  withBucketAssigner(assigner: BucketAssigner<IN>): this {
    this.bucketAssigner = assigner;
    return this;
  }

  withRollingPolicy(policy: RollingPolicy<IN>): this {
    this.rollingPolicy = policy;
    return this;
  }

  withOutputFileConfig(config: OutputFileConfig): this {
    this.outputFileConfig = config;
    return this;
  }

  /** How often, in ms, the rolling policy's time limits are checked (default 60 s). */
  withBucketCheckInterval(interval: number): this {
    if (!(interval > 0)) throw new RangeError(`FileSink: the bucket check interval must be a positive number of ms, got ${interval}`);
    this.bucketCheckInterval = interval;
    return this;
  }

  build(): FileSink<IN> {
    const { basePath, encoder, bucketAssigner, rollingPolicy, outputFileConfig, bucketCheckInterval } = this;
    return FileSink.create({ basePath, encoder, bucketAssigner, rollingPolicy, outputFileConfig, bucketCheckInterval });
  }
}
