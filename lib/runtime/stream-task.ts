// One subtask of one JobVertex (Flink's StreamTask): its chain of operators, the writers
// of its outgoing edges and the input gate of its incoming ones, all driven by one
// mailbox. The mailbox's default action takes the next input message and dispatches it
// by input (records to processElement1/2, watermarks and status through each input's
// valve, barriers to the alignment handler); mails (checkpoint triggers and
// notifications, timers) run between those steps. A source task runs its source beside
// the mailbox: the source's steps and the mails never interleave (see SourceContext).
// A stop-with-savepoint (a synchronous savepoint) stops the source right after its barrier;
// every task then ends once that savepoint completes, without finishing its operators.
// The Subtask actor drives the task (prepare, run, cancel) and reports to the JobMaster.
import { isSynchronous, type CheckpointType } from '../checkpoint/checkpoint-type.ts';
import type { KeyGroupSnapshot, TaskStateSnapshot } from '../checkpoint/task-state-snapshot.ts';
import { SystemProcessingTimeService } from '../time/system-processing-time-service.ts';
import type { AttemptNumbers } from '../graph/execution-graph.ts';
import type { JobEdge, JobGraph, JobVertex } from '../graph/job-graph.ts';
import type { InputIndex, StreamEdge, StreamGraph } from '../graph/stream-graph.ts';
import { InputGate, RecordWriter, type ChannelTransport } from '../exchange/index.ts';
import { isSourceOperator, type SourceOperator } from '../operators/stream-operator.ts';
import { StreamSourceContext } from '../operators/stream-source-context.ts';
import { MAX_WATERMARK } from '../operators/watermark.ts';
import { Addresses, type JobId } from '../ids/addresses.ts';
import { TaskIOMetricGroup } from '../metrics/task-io-metrics.ts';
import { AccumulatorRegistry } from '../functions/accumulator-registry.ts';
import type { CheckpointMetrics } from '../checkpoint/checkpoint-metrics.ts';
import type { BarrierAlignment, CheckpointBarrier } from './checkpoint-barrier-handler.ts';
import { MailboxProcessor, type MailboxController } from './mailbox-processor.ts';
import { OperatorChain } from './operator-chain.ts';
import { RecordWriterOutput } from './record-writer-output.ts';
import { StreamTaskNetworkInput } from './stream-task-network-input.ts';
import { StreamTaskStateInitializer } from './stream-task-state-initializer.ts';
import { stateBackendOfType } from '../state/state-backend-options.ts';
import { ExecutionConfig } from '../settings/execution-config.ts';

/** How long a source that meets no backpressure keeps its thread, and how many records it emits between readings of the clock. */
const SOURCE_TIME_SLICE_MS = 5;
const SOURCE_CLOCK_EVERY = 64;

/** Where a task's checkpoints go: the state backend stores them and acknowledges to the coordinator. */
export interface CheckpointListener {
  /**
   * Checkpoint `checkpointId` was taken and its barrier forwarded. `snapshots` holds each
   * operator's snapshotState result by operator id: the state itself, or a promise of it;
   * `keyGroups` each keyed operator's state and timers by key group: taken synchronously, or
   * (the LevelDB backend) a promise of them read from a view taken synchronously; `metrics`
   * how long the barriers and the synchronous snapshot took.
   */
  onCheckpoint(checkpointId: number, snapshots: Map<string, unknown>, keyGroups: Map<string, KeyGroupSnapshot[] | Promise<KeyGroupSnapshot[]>>, metrics: Omit<CheckpointMetrics, 'asyncDurationMs'>): void;
  /** The checkpoint was aborted here (a newer barrier or a cancel marker came during alignment). */
  onCheckpointAborted?(checkpointId: number): void;
}

export interface StreamTaskSpec {
  /** This worker thread's: channels between its subtasks skip the server. */
  transport: ChannelTransport;
  namespace: string;
  jobId: JobId;
  jobGraph: JobGraph;
  streamGraph: StreamGraph;
  vertex: JobVertex;
  subtaskIndex: number;
  attemptNumber: number;
  /** The current attempt of every subtask of the job: channel subjects name both ends' attempts. */
  attemptNumbers: AttemptNumbers;
  jobCwd: string;
  checkpointListener?: CheckpointListener;
  /** The state to restore, from the latest completed checkpoint. */
  restoredState?: TaskStateSnapshot;
}

export class StreamTask {
  /** Flink's name for a subtask: "Map -> Filter (2/4)". */
  readonly description: string;
  /** The task's one loop: submit mails here (timers, checkpoint notifications). */
  readonly mailbox: MailboxProcessor;
  /** Time waiting for output credit and for input, read by the periodic metrics report. */
  readonly ioMetrics = new TaskIOMetricGroup();
  /** The accumulators of the task's functions, reported when it finishes. */
  readonly accumulators = new AccumulatorRegistry();
  private readonly writers: RecordWriter[] = [];
  private gate?: InputGate;
  private networkInput?: StreamTaskNetworkInput;
  private chain!: OperatorChain;
  /** The chain's first operator: it takes the input, or it is the source. */
  private headId!: string;
  private source?: { operator: SourceOperator<unknown>; context: StreamSourceContext<unknown>; running?: Promise<void>; done: boolean };
  private flushScheduled = false;
  /** Records the source emitted since the clock was last read, and when it last gave the thread up. */
  private sourceRecordsSinceClock = 0;
  private sourceSliceStart = performance.now();
  private rejectFailed!: (error: Error) => void;
  /** Rejects with the task's first failure (or its cancellation). */
  private readonly failed = new Promise<never>((_, reject) => { this.rejectFailed = reject; });
  /** Set on cancel() and on the first failure: the task stops without finishing its operators. */
  private stopped = false;
  private cancelled = false;
  /** The stop-with-savepoint whose barrier this source task emitted: its source has stopped, and the task waits for the savepoint's completion. */
  private synchronousSavepointId?: number;
  /** Set when that savepoint completed: the task ends without finishing its operators or ending its outputs. */
  private endedBySavepoint = false;
  /** Keyed operators' state and timers; processing-time timers fire as mails. */
  private readonly stateInitializer: StreamTaskStateInitializer;
  private readonly processingTimeService: SystemProcessingTimeService;

  constructor(private readonly spec: StreamTaskSpec) {
    const { vertex, subtaskIndex } = spec;
    this.description = `${vertex.name} (${subtaskIndex + 1}/${vertex.parallelism})`;
    this.failed.catch(() => undefined);
    this.mailbox = new MailboxProcessor((controller) => this.processInput(controller), { onIdle: () => this.flushOutputs() });
    this.processingTimeService = new SystemProcessingTimeService((action) => this.mailbox.submit(action, `processing-time timer of ${this.description}`));
    this.stateInitializer = new StreamTaskStateInitializer(this.processingTimeService, stateBackendOfType(spec.jobGraph.stateBackend ?? 'hashmap'));
  }

  /** Subscribes every channel and opens the operators; after this, no record sent to us can be lost. */
  async prepare(): Promise<void> {
    const { spec } = this;
    const { vertex, streamGraph, jobGraph, subtaskIndex } = spec;
    const subtaskInfo = {
      jobId: spec.jobId,
      jobName: streamGraph.jobName,
      taskName: vertex.name,
      subtaskIndex,
      parallelism: vertex.parallelism,
      maxParallelism: vertex.maxParallelism,
      attemptNumber: spec.attemptNumber,
      accumulators: this.accumulators,
      executionConfig: new ExecutionConfig().setAutoWatermarkInterval(streamGraph.autoWatermarkInterval).setGlobalJobParameters(streamGraph.globalJobParameters),
    };
    this.headId = vertex.operatorIds[0]!;
    const resultsSubject = new Addresses(spec.namespace).jobResults(spec.jobId);
    // Job edges keep the stream graph's order, so the n-th stream edge between two operators
    // is the n-th job edge between them: a stream unioned or connected with itself has two.
    const unwired = jobGraph.edges.filter((e) => e.sourceVertex === vertex.id);
    this.chain = new OperatorChain({
      streamGraph,
      operatorIds: vertex.operatorIds,
      networkOutput: (streamEdge) => {
        const at = unwired.findIndex((e) => e.sourceOperator === streamEdge.sourceId && e.targetOperator === streamEdge.targetId && e.outputTag === streamEdge.outputTag);
        const edge = unwired.splice(at, 1)[0]!;
        const writer = this.createWriter(edge, streamEdge);
        this.writers.push(writer);
        return new RecordWriterOutput(writer, edge.outputTag);
      },
      environment: async (node) => ({
        ...(await this.stateInitializer.streamOperatorStateContext(node, subtaskInfo, spec.restoredState?.[node.id]?.keyGroups)),
        mailboxExecutor: this.mailbox,
        processingTimeService: this.processingTimeService,
        jobCwd: spec.jobCwd,
        restoredState: spec.restoredState?.[node.id]?.operatorState,
        sendToClient: (message) => spec.transport.publish(resultsSubject, message),
      }),
    });
    const head = this.chain.operator(this.headId);
    if (isSourceOperator(head)) {
      this.source = { operator: head, context: new StreamSourceContext(this.chain.outputOf(this.headId), this.yieldToSource), done: false };
    }
    const inputs = jobGraph.edges.filter((e) => e.targetVertex === vertex.id);
    if (inputs.length > 0) this.createInput(inputs);
    await Promise.all([...this.writers.map((writer) => writer.open()), this.gate?.open()]);
    await this.chain.initializeStateAndOpenOperators();
  }

  private createWriter(edge: JobEdge, { keySelector, channelSelector }: StreamEdge): RecordWriter {
    const { spec } = this;
    const { vertex, jobGraph, subtaskIndex } = spec;
    const consumer = jobGraph.vertices.find((v) => v.id === edge.targetVertex)!;
    return new RecordWriter({
      transport: spec.transport,
      namespace: spec.namespace,
      jobId: spec.jobId,
      edgeId: edge.id,
      producerIndex: subtaskIndex,
      producerAttempt: spec.attemptNumber,
      consumerAttempts: spec.attemptNumbers[consumer.id]!,
      producerCount: vertex.parallelism,
      partitioner: edge.partitioner,
      maxParallelism: consumer.maxParallelism,
      keySelector,
      channelSelector,
      bufferTimeoutMs: jobGraph.bufferTimeoutMs,
      description: `edge "${vertex.name}" => "${consumer.name}", subtask ${subtaskIndex + 1}`,
      onError: (error) => this.fail(error),
    });
  }

  /** The gate over all input channels, and what the task does with their messages. */
  private createInput(edges: JobEdge[]): void {
    const { spec } = this;
    const producerAttempts = (edge: JobEdge) => spec.attemptNumbers[edge.sourceVertex]!;
    const gate = (this.gate = new InputGate({
      transport: spec.transport,
      namespace: spec.namespace,
      jobId: spec.jobId,
      consumerIndex: spec.subtaskIndex,
      consumerAttempt: spec.attemptNumber,
      inputs: edges.map((edge) => ({ edgeId: edge.id, producerAttempts: producerAttempts(edge) })),
      onError: (error) => this.fail(error),
    }));
    const channelInputs = edges.flatMap((edge) => producerAttempts(edge).map(() => edge.targetInput));
    this.networkInput = new StreamTaskNetworkInput(channelInputs, (index) => this.chain.input(this.headId, index), {
      block: (channel) => gate.block(channel),
      unblock: (channel) => gate.unblock(channel),
      triggerCheckpoint: (barrier, alignment) => this.performCheckpoint(barrier, alignment),
      abortCheckpoint: (checkpointId) => this.abortCheckpoint(checkpointId),
    }, spec.jobGraph.checkpointing?.mode);
  }

  /** Runs until the input ends (or the source is exhausted), then finishes the chain and ends every output channel. */
  async run(initialCredit?: number): Promise<void> {
    await Promise.race([this.runTask(initialCredit), this.failed]);
  }

  private async runTask(initialCredit?: number): Promise<void> {
    const { source } = this;
    if (source) {
      source.running = source.operator.run(source.context).then(() => { source.done = true; }, (error: unknown) => this.fail(error as Error));
    } else {
      this.gate!.start(initialCredit);
    }
    await this.mailbox.runMailboxLoop();
    if (this.stopped) return;
    if (this.endedBySavepoint) return this.release();
    // A finished source ends event time, so that every event-time timer downstream fires.
    source?.context.emitWatermark(MAX_WATERMARK);
    await this.chain.finishOperators();
    this.mailbox.close();
    await Promise.all(this.writers.map((writer) => writer.close()));
    await this.chain.closeOperators(true);
    await this.stateInitializer.dispose();
  }

  /** The mailbox's default action: one input message, or wait for input, for output credit, or for the source to end. */
  private processInput(controller: MailboxController): void {
    const { source } = this;
    if (source) {
      // A source stopped for a savepoint: only the savepoint's completion (a mail) ends the task.
      if (source.done && this.synchronousSavepointId !== undefined) controller.suspendDefaultAction(new Promise(() => undefined));
      else if (source.done) controller.allActionsCompleted();
      else controller.suspendDefaultAction(source.running!);
      return;
    }
    if (this.isBackpressured()) return controller.suspendDefaultAction(this.ioMetrics.backPressuredTime.measure(this.whenWritable()));
    const unavailable = this.chain.getAvailableFuture();
    if (unavailable) return controller.suspendDefaultAction(unavailable);
    const gate = this.gate!;
    const next = gate.pollNext();
    if (next) this.networkInput!.processMessage(next.channel, next.message);
    else if (gate.isFinished) controller.allActionsCompleted();
    else controller.suspendDefaultAction(this.ioMetrics.idleTime.measure(gate.whenAvailable()));
  }

  /**
   * Checkpoint `checkpointId` at this source task: its sources' positions and the chain's
   * state, then the barrier. A stop-with-savepoint stops the source in the same mail, so no
   * record follows the barrier; TERMINATE first ends event time (Flink's --drain).
   */
  triggerCheckpoint(checkpointId: number, timestamp = Date.now(), checkpointType: CheckpointType = 'CHECKPOINT'): void {
    const source = this.source;
    if (!source) throw new Error(`${this.description}: only a source task is triggered; the others checkpoint on barriers`);
    this.mailbox.submit(() => {
      if (checkpointType === 'TERMINATE') source.context.emitWatermark(MAX_WATERMARK);
      this.performCheckpoint({ checkpointId, timestamp, checkpointType });
      if (!isSynchronous(checkpointType)) return;
      this.synchronousSavepointId = checkpointId;
      source.operator.cancel();
    }, `${checkpointType.toLowerCase()} ${checkpointId} of ${this.description}`);
  }

  /** After a stop-with-savepoint's completion the task ends: its sinks have committed what the savepoint covers. */
  notifyCheckpointComplete(checkpointId: number, checkpointType: CheckpointType = 'CHECKPOINT'): void {
    this.mailbox.submit(async () => {
      await this.chain.notifyCheckpointComplete(checkpointId);
      if (!isSynchronous(checkpointType)) return;
      this.endedBySavepoint = true;
      this.mailbox.allActionsCompleted();
    }, `notifying checkpoint ${checkpointId} complete to ${this.description}`);
  }

  notifyCheckpointAborted(checkpointId: number): void {
    this.mailbox.submit(() => this.chain.notifyCheckpointAborted(checkpointId), `notifying checkpoint ${checkpointId} aborted to ${this.description}`);
  }

  /** Synchronous from the first hook to the barrier's emission: nothing else runs in between. A source task aligns nothing. */
  private performCheckpoint(barrier: CheckpointBarrier, alignment: BarrierAlignment = { checkpointStartDelayMs: Date.now() - barrier.timestamp, alignmentDurationMs: 0 }): void {
    const syncStart = performance.now();
    const snapshots = this.chain.checkpointState(barrier);
    const keyGroups = new Map<string, KeyGroupSnapshot[] | Promise<KeyGroupSnapshot[]>>();
    for (const operatorId of snapshots.keys()) {
      const taken = this.stateInitializer.snapshotKeyGroups(operatorId);
      if (taken instanceof Promise) this.mailbox.yieldUntil(taken);
      if (taken) keyGroups.set(operatorId, taken);
    }
    this.spec.checkpointListener?.onCheckpoint(barrier.checkpointId, snapshots, keyGroups, { ...alignment, syncDurationMs: performance.now() - syncStart });
  }

  private abortCheckpoint(checkpointId: number): void {
    this.chain.broadcastEvent({ type: 'cancel-checkpoint', checkpointId });
    this.spec.checkpointListener?.onCheckpointAborted?.(checkpointId);
  }

  /**
   * What a source waits for after each record: output credit, or room in an operator of its
   * chain, or (once per time slice) a turn of the event loop. Its buffered output goes out
   * once the event loop turns.
   */
  private readonly yieldToSource = (): Promise<void> | undefined => {
    if (this.isBackpressured()) return this.ioMetrics.backPressuredTime.measure(this.whenWritable());
    const unavailable = this.chain.getAvailableFuture();
    if (unavailable) return unavailable;
    if (!this.flushScheduled) {
      this.flushScheduled = true;
      setImmediate(this.flushOutputs);
    }
    // A source that never meets backpressure (a slow chain behind it) would otherwise keep the
    // thread: the mails (checkpoint triggers, timers, cancellation) and its slot's other tasks
    // run only while it waits. So it gives the thread up once per time slice.
    if (++this.sourceRecordsSinceClock < SOURCE_CLOCK_EVERY) return undefined;
    this.sourceRecordsSinceClock = 0;
    if (performance.now() - this.sourceSliceStart < SOURCE_TIME_SLICE_MS) return undefined;
    return new Promise((resolve) => setImmediate(() => {
      this.sourceSliceStart = performance.now();
      resolve();
    }));
  };

  /**
   * Adaptive flushing: the task has nothing more to process right now, so partial batches go
   * out now. Not while backpressured: a flushed batch would only wait for credit, and the
   * records after it could have filled it.
   */
  private readonly flushOutputs = (): void => {
    this.flushScheduled = false;
    if (!this.isBackpressured()) this.chain.flushOutputs();
  };

  private isBackpressured(): boolean {
    for (const writer of this.writers) if (writer.isBackpressured) return true;
    return false;
  }

  private async whenWritable(): Promise<void> {
    await Promise.race([Promise.all(this.writers.map((writer) => writer.whenWritable())), this.failed]);
  }

  /** Stops the source or the input, drops what is in flight and releases the operators. */
  async cancel(): Promise<void> {
    if (this.cancelled) return;
    this.cancelled = true;
    this.fail(new Error(`${this.description} was cancelled`));
    await this.release();
  }

  /** Stops the source and the channels without ending them downstream, and closes the operators without finishing them. */
  private async release(): Promise<void> {
    this.source?.operator.cancel();
    this.gate?.cancel();
    for (const writer of this.writers) writer.cancel();
    await this.chain?.closeOperators(false);
    await this.stateInitializer.dispose();
  }

  /** Stops the loop (nothing is finished or ended downstream) and rejects run() with the first failure. */
  private fail(error: Error): void {
    this.stopped = true;
    this.mailbox.close();
    this.rejectFailed(error);
  }
}
