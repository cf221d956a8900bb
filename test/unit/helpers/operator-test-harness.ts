// The operator test harness (Flink's OneInputStreamOperatorTestHarness and its keyed and
// two-input kin, in one): real operators in a real OperatorChain, fed through the task's
// own StreamTaskNetworkInput, so records, watermarks (through each input's valve, per
// channel), barriers (with alignment) and snapshots take exactly the path they take in a
// StreamTask. Keyed operators get a real heap backend and timer services, as in a task.
// What leaves the chain is collected, in order, in `output`. Mails the operators submit
// (processing-time timers) run in a real MailboxProcessor whenever the test awaits. No server.
import type { CheckpointType } from '../../../lib/checkpoint/checkpoint-type.ts';
import type { CheckpointingMode } from '../../../lib/checkpoint/checkpointing-mode.ts';
import { StreamGraph, type InputIndex, type StreamEdge, type StreamNode } from '../../../lib/graph/stream-graph.ts';
import type { ChannelMessage } from '../../../lib/exchange/codec.ts';
import { isSourceOperator, type SourceOperator, type StateKeySelector, type StreamOperator } from '../../../lib/operators/stream-operator.ts';
import { StreamSourceContext } from '../../../lib/operators/stream-source-context.ts';
import { MAX_WATERMARK, type WatermarkStatus } from '../../../lib/operators/watermark.ts';
import { MailboxProcessor } from '../../../lib/runtime/mailbox-processor.ts';
import { OperatorChain } from '../../../lib/runtime/operator-chain.ts';
import { StreamTaskNetworkInput } from '../../../lib/runtime/stream-task-network-input.ts';
import { StreamTaskStateInitializer } from '../../../lib/runtime/stream-task-state-initializer.ts';
import type { KeyedStateBackend } from '../../../lib/state/keyed-state-backend.ts';
import type { ProcessingTimeService } from '../../../lib/time/processing-time-service.ts';
import { SystemProcessingTimeService } from '../../../lib/time/system-processing-time-service.ts';
import { CollectingOutput } from './collecting-output.ts';
import { TestProcessingTimeService } from './test-processing-time-service.ts';

export interface HarnessOptions {
  /** The chain's operators, head first (default: every node of the graph). */
  operatorIds?: string[];
  /** Input channels of the head, per input: [2] is one input with 2 channels, [1, 1] two inputs. Default: none. */
  channels?: number[];
  subtaskIndex?: number;
  parallelism?: number;
  jobCwd?: string;
  restoredState?: ReadonlyMap<string, unknown>;
  /** Runs the operators on a processing-time clock starting here, moved only by `setProcessingTime` (default: the real clock). */
  processingTime?: number;
  /** Whether barriers align (the default) or are only tracked. */
  checkpointingMode?: CheckpointingMode;
}

/** Which channel a harness call feeds: input 1 or 2 of the head, and a channel of that input. */
export interface ChannelAt {
  input?: InputIndex;
  channel?: number;
}

export class OperatorTestHarness<OUT = unknown> {
  /** Everything that left the chain, in order (all of its outgoing edges share it). */
  readonly output = new CollectingOutput<OUT>();
  /** Checkpoints taken when barriers had come on every channel: what each operator's snapshotState returned. */
  readonly checkpoints: Array<{ checkpointId: number; snapshots: Map<string, unknown> }> = [];
  readonly abortedCheckpoints: number[] = [];
  /** What operators sent to the job's client (the collect sink's messages), in order. */
  readonly sentToClient: Uint8Array[] = [];
  readonly blockedChannels = new Set<number>();
  readonly chain: OperatorChain;
  /** Runs only mails: the harness's calls are the input. */
  readonly mailbox = new MailboxProcessor((controller) => controller.suspendDefaultAction(new Promise(() => {})));
  private mailboxLoop?: Promise<void>;
  /** The keyed operators' state backends, by operator id. */
  readonly keyedStateBackends = new Map<string, KeyedStateBackend<unknown>>();
  readonly processingTimeService: ProcessingTimeService;
  private readonly stateInitializer: StreamTaskStateInitializer;
  private readonly networkInput?: StreamTaskNetworkInput;
  private readonly channelOffsets: number[];

  /**
   * A harness over one operator, or a line of chained operators, keyed on input 1 by
   * `keySelector` and on input 2 by `keySelector2` when given. The head has one input
   * channel, unless it is a source.
   */
  static forOperators<OUT>(operators: StreamOperator<unknown>[], options: HarnessOptions & { keySelector?: StateKeySelector; keySelector2?: StateKeySelector; autoWatermarkInterval?: number } = {}): OperatorTestHarness<OUT> {
    const nodes = new Map<string, StreamNode>();
    const edges: StreamEdge[] = [];
    operators.forEach((operator, i) => {
      const id = `op-${i + 1}`;
      nodes.set(id, {
        id, name: operator.constructor.name, parallelism: 1, maxParallelism: 128, isSource: isSourceOperator(operator), chainingStrategy: 'always', slotSharingGroup: 'default',
        createOperator: () => operator,
        ...(i === 0 && options.keySelector ? { stateKeySelector1: options.keySelector } : {}),
        ...(i === 0 && options.keySelector2 ? { stateKeySelector2: options.keySelector2 } : {}),
      });
      if (i > 0) edges.push({ sourceId: `op-${i}`, targetId: id, partitioner: 'forward', targetInput: 1 });
    });
    // Where the chain's output leaves it: the harness collects there.
    nodes.set('harness-output', {
      id: 'harness-output', name: 'Harness Output', parallelism: 1, maxParallelism: 128, isSource: false, chainingStrategy: 'always', slotSharingGroup: 'default',
      createOperator: () => { throw new Error('the harness output is not an operator'); },
    });
    edges.push({ sourceId: `op-${operators.length}`, targetId: 'harness-output', partitioner: 'forward', targetInput: 1 });
    const graph = new StreamGraph({ jobName: 'harness', nodes, edges, bufferTimeoutMs: 0, chainingEnabled: true, autoWatermarkInterval: options.autoWatermarkInterval });
    const channels = isSourceOperator(operators[0]!) ? [] : [1];
    return new OperatorTestHarness(graph, { channels, ...options, operatorIds: operators.map((_, i) => `op-${i + 1}`) });
  }

  constructor(readonly graph: StreamGraph, options: HarnessOptions = {}) {
    const operatorIds = options.operatorIds ?? [...graph.nodes.keys()];
    const { subtaskIndex = 0, parallelism = 1 } = options;
    const scheduleTimer = (action: () => void) => this.mailbox.submit(action, 'processing-time timer');
    const processingTimeService = (this.processingTimeService = options.processingTime === undefined
      ? new SystemProcessingTimeService(scheduleTimer)
      : new TestProcessingTimeService(options.processingTime, scheduleTimer));
    this.stateInitializer = new StreamTaskStateInitializer(processingTimeService);
    this.chain = new OperatorChain({
      streamGraph: graph,
      operatorIds,
      networkOutput: () => this.output,
      environment: async (node) => {
        const state = await this.stateInitializer.streamOperatorStateContext(node, { jobId: 'harness', taskName: node.name, subtaskIndex, parallelism, maxParallelism: node.maxParallelism, attemptNumber: 0 });
        if (state.keyedStateBackend) this.keyedStateBackends.set(node.id, state.keyedStateBackend);
        return { ...state, mailboxExecutor: this.mailbox, processingTimeService, jobCwd: options.jobCwd ?? process.cwd(), restoredState: options.restoredState?.get(node.id), sendToClient: (message) => this.sentToClient.push(message) };
      },
    });
    const channels = options.channels ?? [];
    this.channelOffsets = channels.map((_, i) => channels.slice(0, i).reduce((sum, n) => sum + n, 0));
    if (channels.length > 0) {
      const channelInputs = channels.flatMap((count, i) => new Array<InputIndex>(count).fill((i + 1) as InputIndex));
      const head = operatorIds[0]!;
      this.networkInput = new StreamTaskNetworkInput(channelInputs, (index) => this.chain.input(head, index), {
        block: (channel) => this.blockedChannels.add(channel),
        unblock: (channel) => this.blockedChannels.delete(channel),
        triggerCheckpoint: (barrier) => this.checkpoints.push({ checkpointId: barrier.checkpointId, snapshots: this.chain.checkpointState(barrier) }),
        abortCheckpoint: (checkpointId) => {
          this.chain.broadcastEvent({ type: 'cancel-checkpoint', checkpointId });
          this.abortedCheckpoints.push(checkpointId);
        },
      }, options.checkpointingMode);
    }
  }

  /** initializeState and open, tail first, as a task does. */
  async open(): Promise<this> {
    this.mailboxLoop = this.mailbox.runMailboxLoop();
    this.mailboxLoop.catch(() => undefined);
    await this.chain.initializeStateAndOpenOperators();
    return this;
  }

  processElement(value: unknown, timestamp?: number, at?: ChannelAt): void {
    this.deliver(at, { seq: 0, records: [value], ...(timestamp === undefined ? {} : { timestamps: [timestamp] }) });
  }

  processWatermark(timestamp: number, at?: ChannelAt): void {
    this.deliver(at, { seq: 0, event: { type: 'watermark', timestamp } });
  }

  processWatermarkStatus(status: WatermarkStatus, at?: ChannelAt): void {
    this.deliver(at, { seq: 0, event: { type: 'watermark-status', status } });
  }

  /** A periodic checkpoint's barrier, or a savepoint's with its `checkpointType`. */
  processBarrier(checkpointId: number, at?: ChannelAt, checkpointType?: CheckpointType): void {
    this.deliver(at, { seq: 0, event: { type: 'barrier', checkpointId, timestamp: 0, ...(checkpointType ? { checkpointType } : {}) } });
  }

  processCancellation(checkpointId: number, at?: ChannelAt): void {
    this.deliver(at, { seq: 0, event: { type: 'cancel-checkpoint', checkpointId } });
  }

  /** Moves the clock of a harness made with `processingTime` and waits until the timers due have run. */
  async setProcessingTime(time: number): Promise<void> {
    const clock = this.processingTimeService;
    if (!(clock instanceof TestProcessingTimeService)) throw new Error('setProcessingTime needs a harness made with the processingTime option');
    clock.setCurrentTime(time);
    await new Promise<void>((resolve) => this.mailbox.submit(resolve, 'after the processing-time timers'));
  }

  /** The end of a channel. */
  endInput(at?: ChannelAt): void {
    this.deliver(at, { seq: 0, event: { type: 'end' } });
  }

  /** Checkpoint `checkpointId` as a source task takes it when triggered: every operator's snapshot, by operator id. */
  snapshot(checkpointId: number): Map<string, unknown> {
    return this.chain.checkpointState({ checkpointId, timestamp: 0 });
  }

  /** Runs every source of the chain to its end (each then ends event time), as a source task does. */
  async runSources(onStarted?: (sources: SourceOperator<unknown>[]) => void): Promise<void> {
    const sources = [...this.chain.operators].filter((entry): entry is [string, SourceOperator<unknown>] => isSourceOperator(entry[1]));
    const running = sources.map(async ([id, source]) => {
      const context = new StreamSourceContext(this.chain.outputOf(id), () => undefined);
      await source.run(context);
      context.emitWatermark(MAX_WATERMARK);
    });
    onStarted?.(sources.map(([, source]) => source));
    await Promise.all(running);
  }

  /** End of input: finish (head first), then close every operator (also when finishing fails). A failed mail fails this. */
  async finishAndClose(): Promise<void> {
    try {
      await this.chain.finishOperators();
      this.mailbox.close();
      await this.mailboxLoop;
    } catch (error) {
      await this.close();
      throw error;
    }
    await this.chain.closeOperators(true);
    this.stateInitializer.dispose();
  }

  /** Closes every operator, e.g. after a failure; errors on close are not reported. */
  async close(): Promise<void> {
    this.mailbox.close();
    await this.chain.closeOperators(false);
    this.stateInitializer.dispose();
  }

  private deliver(at: ChannelAt = {}, message: ChannelMessage): void {
    if (!this.networkInput) throw new Error('this harness has no input channels (see HarnessOptions.channels)');
    const { input = 1, channel = 0 } = at;
    const index = this.channelOffsets[input - 1]! + channel;
    if (this.blockedChannels.has(index)) throw new Error(`channel ${channel} of input ${input} is blocked by checkpoint alignment: a task would not read it now`);
    this.networkInput.processMessage(index, message);
  }
}
