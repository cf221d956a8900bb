// The operator behind `stream.sinkTo(sink)`: Flink's SinkWriterOperator and CommitterOperator
// in one (Flink chains them; here the committables never leave the subtask). Before each
// barrier the writer flushes and, for a TwoPhaseCommittingSink, prepares the committables of
// that checkpoint; the snapshot holds the writer's state and every committable not yet
// committed. They are committed when a checkpoint at or after theirs completes, when the
// operator is restored (the restored checkpoint completed, so what it pre-committed must
// become visible: the committer is idempotent), and at the end of input, as Flink's final
// checkpoint does.
import type { Committer, Sink, SinkWriter, SinkWriterContext, StatefulSinkWriter, PrecommittingSinkWriter, WriterInitContext } from '../connector/sink2/sink.ts';
import { isStatefulSink, isTwoPhaseCommittingSink } from '../connector/sink2/sink.ts';
import type { ListState } from '../state/list-state.ts';
import { ListStateDescriptor } from '../state/list-state-descriptor.ts';
import { isOperatorStateSnapshot } from '../state/operator/operator-state-snapshot.ts';
import { AbstractStreamOperator } from './abstract-stream-operator.ts';
import type { OneInputStreamOperator, OperatorContext } from './stream-operator.ts';
import type { StreamRecord } from './stream-record.ts';
import { MIN_WATERMARK } from './watermark.ts';

/** The committables one checkpoint prepared (Flink's CheckpointCommittableManager). */
interface CheckpointCommittables {
  checkpointId: number;
  committables: unknown[];
}

export class SinkWriterOperator<IN> extends AbstractStreamOperator<never> implements OneInputStreamOperator<IN, never> {
  private writer?: SinkWriter<IN>;
  private committer?: Committer<unknown>;
  private writerState?: ListState<unknown>;
  private committableState?: ListState<CheckpointCommittables>;
  /** Prepared at barriers, oldest first, until a completed checkpoint covers them. */
  private pending: CheckpointCommittables[] = [];
  private currentWatermark = MIN_WATERMARK;
  private currentTimestamp: number | undefined;
  private readonly writerContext: SinkWriterContext = {
    currentWatermark: () => this.currentWatermark,
    timestamp: () => this.currentTimestamp,
  };

  constructor(private readonly sink: Sink<IN>) {
    super();
  }

  override async initializeState(context: OperatorContext): Promise<void> {
    await super.initializeState(context);
    const { sink } = this;
    const backend = this.getOperatorStateBackend();
    const restored = isOperatorStateSnapshot(context.restoredState);
    if (isTwoPhaseCommittingSink(sink)) {
      this.committer = sink.createCommitter();
      this.committableState = backend.getListState(new ListStateDescriptor<CheckpointCommittables>('streaming_committer_raw_states'));
      await this.committer.commit([...this.committableState.get()].flatMap((checkpoint) => checkpoint.committables));
      this.committableState.clear();
    }
    const initContext = writerInitContext(context);
    if (isStatefulSink(sink)) {
      this.writerState = backend.getListState(new ListStateDescriptor<unknown>('writer_raw_states'));
      this.writer = (restored ? await sink.restoreWriter(initContext, [...this.writerState.get()]) : sink.createWriter(initContext)) as SinkWriter<IN>;
    } else {
      this.writer = sink.createWriter(initContext);
    }
  }

  processElement(record: StreamRecord<IN>): void {
    this.currentTimestamp = record.timestamp;
    this.writer!.write(record.value, this.writerContext);
  }

  override processWatermark(timestamp: number): void {
    this.currentWatermark = timestamp;
  }

  override prepareSnapshotPreBarrier(checkpointId: number): void {
    this.writer!.flush(false);
    if (this.committer) this.pending.push({ checkpointId, committables: (this.writer as PrecommittingSinkWriter<IN, unknown>).prepareCommit() });
  }

  override snapshotState(checkpointId: number): unknown {
    this.writerState?.update((this.writer as StatefulSinkWriter<IN, unknown>).snapshotState(checkpointId));
    this.committableState?.update(this.pending);
    return super.snapshotState(checkpointId);
  }

  override async notifyCheckpointComplete(checkpointId: number): Promise<void> {
    const covered = this.pending.filter((checkpoint) => checkpoint.checkpointId <= checkpointId);
    if (covered.length === 0) return;
    this.pending = this.pending.filter((checkpoint) => checkpoint.checkpointId > checkpointId);
    await this.committer!.commit(covered.flatMap((checkpoint) => checkpoint.committables));
  }

  /** End of input: what remains is committed now, as Flink's final checkpoint would. */
  override async finish(): Promise<void> {
    this.writer!.flush(true);
    if (!this.committer) return;
    const remaining = this.pending.flatMap((checkpoint) => checkpoint.committables);
    this.pending = [];
    await this.committer.commit([...remaining, ...(this.writer as PrecommittingSinkWriter<IN, unknown>).prepareCommit()]);
  }

  override async close(): Promise<void> {
    await this.writer?.close();
    await this.committer?.close();
  }
}

function writerInitContext(context: OperatorContext): WriterInitContext {
  const runtime = context.runtimeContext;
  return {
    getSubtaskId: () => runtime.getIndexOfThisSubtask(),
    getNumberOfParallelSubtasks: () => runtime.getNumberOfParallelSubtasks(),
    getAttemptNumber: () => runtime.getAttemptNumber(),
    getProcessingTimeService: () => context.processingTimeService,
    getMailboxExecutor: () => context.mailboxExecutor,
    getJobCwd: () => context.jobCwd,
  };
}
