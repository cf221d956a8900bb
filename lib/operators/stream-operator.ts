// The contract between the operators of a chain and the StreamTask that runs them, in
// Flink's shape. Inside a chain, records and events pass by direct calls (no
// serialization); an operator never knows whether its Output is the next operator or a
// network writer. Everything an operator does (records, watermarks, timers, snapshots)
// runs one call at a time from its task's mailbox, so operators need no locks.
import type { OutputTag } from '../functions/output-tag.ts';
import type { RuntimeContext } from '../functions/runtime-context.ts';
import type { SourceContext } from '../functions/functions.ts';
import type { KeyedStateBackend } from '../state/keyed-state-backend.ts';
import type { InternalTimeServiceManager } from '../time/internal-time-service-manager.ts';
import type { ProcessingTimeService } from '../time/processing-time-service.ts';
import type { StreamRecord } from './stream-record.ts';
import type { WatermarkStatus } from './watermark.ts';

/** Where an operator emits: records, side-output records, watermarks and watermark status. */
export interface Output<T> {
  collect(record: StreamRecord<T>): void;
  /** A record for the side output named by `tag`; dropped where no stream asked for that tag. */
  collectSide<X>(tag: OutputTag<X>, record: StreamRecord<X>): void;
  emitWatermark(timestamp: number): void;
  emitWatermarkStatus(status: WatermarkStatus): void;
}

/** The seam of keyed state: the runtime sets the current key before each keyed record and timer. */
export interface KeyContext {
  setCurrentKey(key: unknown): void;
  getCurrentKey(): unknown;
}

/** Extracts a record's key for keyed state: the keyBy selector of the operator's input. */
export type StateKeySelector = (value: any) => unknown;

/** Flink's MailboxExecutor: runs work in the task's mailbox, between records, never inside another step. */
export interface MailboxExecutor {
  submit(mail: () => void | Promise<void>, description: string): void;
}

export interface OperatorContext {
  /** The operator's name in the job graph, for errors. */
  readonly operatorName: string;
  readonly runtimeContext: RuntimeContext;
  /** The task's clock; its timers fire as mails (Flink's getProcessingTimeService()). */
  readonly processingTimeService: ProcessingTimeService;
  /** The job's ExecutionConfig.autoWatermarkInterval in ms (0: no periodic watermarks). */
  readonly autoWatermarkInterval: number;
  /** The job's resolved RuntimeExecutionMode. */
  readonly runtimeMode: 'STREAMING' | 'BATCH';
  /** The task's mailbox: where timers and other deferred work of the operator run. */
  readonly mailboxExecutor: MailboxExecutor;
  /** Directory the job was submitted from: relative paths in connectors resolve against it. */
  readonly jobCwd: string;
  /** Set when input 1 / input 2 is keyed (StreamNode.stateKeySelector1/2). */
  readonly stateKeySelector1?: StateKeySelector;
  readonly stateKeySelector2?: StateKeySelector;
  /** A keyed operator's state, scoped to the key groups of its subtask; absent when the operator is not keyed. */
  readonly keyedStateBackend?: KeyedStateBackend<unknown>;
  /** A keyed operator's timer services, on the same key context; absent when the operator is not keyed. */
  readonly timeServiceManager?: InternalTimeServiceManager<unknown>;
  /** The operator's own snapshot (what its snapshotState returned) when restoring from a checkpoint. */
  readonly restoredState?: unknown;
  /** Publishes to the job's client (`sluice run`) on the job's results subject: the way back of executeAndCollect(). */
  readonly sendToClient: (message: Uint8Array) => void;
}

/**
 * The lifecycle, in call order: `initializeState` then `open` (tail of the chain first, so
 * no operator receives input before it is open); processing; on each checkpoint
 * `prepareSnapshotPreBarrier` then `snapshotState` (head first, before the barrier goes
 * downstream); `notifyCheckpointComplete`/`Aborted` later; at the end of input `finish`
 * (head first); `close` always, also after a failure or a cancellation.
 */
export interface StreamOperator<OUT> {
  initializeState(context: OperatorContext): void | Promise<void>;
  open(context: OperatorContext, output: Output<OUT>): void | Promise<void>;
  /** Emit what must precede the barrier (e.g. a buffered batch); no state may change after this until the snapshot. */
  prepareSnapshotPreBarrier(checkpointId: number): void;
  /**
   * The operator's state for checkpoint `checkpointId`. It must be captured synchronously,
   * during this call: a returned promise is only the asynchronous part (writing it out),
   * and records processed after the call must not change what it resolves to.
   */
  snapshotState(checkpointId: number): unknown;
  notifyCheckpointComplete(checkpointId: number): void | Promise<void>;
  notifyCheckpointAborted(checkpointId: number): void | Promise<void>;
  /** End of input: emit whatever is still buffered. */
  finish(): void | Promise<void>;
  /** Release resources; also called after a failure or a cancellation. */
  close(): void | Promise<void>;
  /**
   * Flink's AvailabilityProvider: a pending promise while the operator can take no more input
   * (an async operator at its capacity); the task then reads no input until it resolves.
   */
  getAvailableFuture?(): Promise<void> | undefined;
}

export interface OneInputStreamOperator<IN, OUT> extends StreamOperator<OUT> {
  processElement(record: StreamRecord<IN>): void;
  processWatermark(timestamp: number): void;
  processWatermarkStatus(status: WatermarkStatus): void;
  /** Sets the keyed-state key from the record, before processElement (a no-op when not keyed). */
  setKeyContextElement1(record: StreamRecord<IN>): void;
}

export interface TwoInputStreamOperator<IN1, IN2, OUT> extends StreamOperator<OUT> {
  processElement1(record: StreamRecord<IN1>): void;
  processElement2(record: StreamRecord<IN2>): void;
  processWatermark1(timestamp: number): void;
  processWatermark2(timestamp: number): void;
  processWatermarkStatus1(status: WatermarkStatus): void;
  processWatermarkStatus2(status: WatermarkStatus): void;
  setKeyContextElement1(record: StreamRecord<IN1>): void;
  setKeyContextElement2(record: StreamRecord<IN2>): void;
}

/** The head of a source task: it emits through the SourceContext instead of receiving input. */
export interface SourceOperator<OUT> extends StreamOperator<OUT> {
  /** Resolves when a bounded source is exhausted or when `cancel` was called. */
  run(ctx: SourceContext<OUT>): Promise<void>;
  cancel(): void;
  /** What its SourceContext emits into, given the operator's output: a source that stamps records itself puts a step between. */
  sourceOutput?(output: Output<OUT>): Output<OUT>;
}

export function isSourceOperator(operator: StreamOperator<unknown>): operator is SourceOperator<unknown> {
  return typeof (operator as SourceOperator<unknown>).run === 'function';
}

export function isTwoInputOperator(operator: StreamOperator<unknown>): operator is TwoInputStreamOperator<unknown, unknown, unknown> {
  return typeof (operator as TwoInputStreamOperator<unknown, unknown, unknown>).processElement1 === 'function';
}
