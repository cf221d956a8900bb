// Flink's Sink v2 contract (org.apache.flink.api.connector.sink2), what `stream.sinkTo(sink)`
// takes. A Sink creates one SinkWriter per subtask. A StatefulSink's writer hands its state
// to each checkpoint and is restored from it. A TwoPhaseCommittingSink's writer turns what
// it wrote into committables before each checkpoint's barrier; its Committer makes them
// visible once that checkpoint completes, after a restore, and at the end of input.
// Committables and writer state are plain data: they travel in the checkpoint.
import type { MailboxExecutor } from '../../operators/stream-operator.ts';
import type { ProcessingTimeService } from '../../time/processing-time-service.ts';

/** Flink's Sink.InitContext (WriterInitContext): where the writer runs. */
export interface WriterInitContext {
  getSubtaskId(): number;
  getNumberOfParallelSubtasks(): number;
  getAttemptNumber(): number;
  /** The task's clock; its timers run in the task's mailbox, never beside a write. */
  getProcessingTimeService(): ProcessingTimeService;
  getMailboxExecutor(): MailboxExecutor;
  /** The directory the job was submitted from: relative paths resolve against it. */
  getJobCwd(): string;
}

/** Flink's SinkWriter.Context: the time of the record being written. */
export interface SinkWriterContext {
  currentWatermark(): number;
  /** The record's event timestamp, if it has one. */
  timestamp(): number | undefined;
}

export interface SinkWriter<IN> {
  write(element: IN, context: SinkWriterContext): void;
  /** Called before each checkpoint's barrier and at the end of input: what is buffered goes out. */
  flush(endOfInput: boolean): void;
  close(): void | Promise<void>;
}

export interface StatefulSinkWriter<IN, WriterStateT> extends SinkWriter<IN> {
  /** The writer's state at checkpoint `checkpointId`, captured during this call. */
  snapshotState(checkpointId: number): WriterStateT[];
}

export interface PrecommittingSinkWriter<IN, CommT> extends SinkWriter<IN> {
  /** After flush, before the barrier: what this checkpoint (or the end of input) will commit. */
  prepareCommit(): CommT[];
}

/** Makes committables visible. It must be idempotent: after a restore, some may be committed already. */
export interface Committer<CommT> {
  commit(committables: CommT[]): Promise<void>;
  close(): void | Promise<void>;
}

export interface Sink<IN> {
  createWriter(context: WriterInitContext): SinkWriter<IN>;
}

export interface StatefulSink<IN, WriterStateT> extends Sink<IN> {
  createWriter(context: WriterInitContext): StatefulSinkWriter<IN, WriterStateT>;
  /** A writer that resumes from the states of the restored checkpoint (they may come from other subtasks after a rescale). */
  restoreWriter(context: WriterInitContext, recoveredState: WriterStateT[]): StatefulSinkWriter<IN, WriterStateT> | Promise<StatefulSinkWriter<IN, WriterStateT>>;
}

export interface TwoPhaseCommittingSink<IN, CommT> extends Sink<IN> {
  createWriter(context: WriterInitContext): PrecommittingSinkWriter<IN, CommT>;
  createCommitter(): Committer<CommT>;
}

export function isStatefulSink(sink: Sink<unknown>): sink is StatefulSink<unknown, unknown> {
  return typeof (sink as Partial<StatefulSink<unknown, unknown>>).restoreWriter === 'function';
}

export function isTwoPhaseCommittingSink(sink: Sink<unknown>): sink is TwoPhaseCommittingSink<unknown, unknown> {
  return typeof (sink as Partial<TwoPhaseCommittingSink<unknown, unknown>>).createCommitter === 'function';
}
