// Flink's AbstractStreamOperator: the defaults every operator shares. Watermarks are
// forwarded (a two-input operator forwards the minimum of its inputs', only increasing,
// idle inputs excluded) after they fire the event-time timers they pass; snapshot hooks do
// nothing; the key context is set from the record when the operator is keyed. Operator state
// (a CheckpointedFunction's lists, broadcast state) lives in the operator's
// DefaultOperatorStateBackend: when it holds any, it is the operator's snapshot.
import type { InternalStateFor, KeyedStateBackend } from '../state/keyed-state-backend.ts';
import type { StateDescriptor } from '../state/state-descriptor.ts';
import { DefaultOperatorStateBackend } from '../state/operator/default-operator-state-backend.ts';
import { isOperatorStateSnapshot } from '../state/operator/operator-state-snapshot.ts';
import { VoidNamespace } from '../state/void-namespace.ts';
import type { InternalTimeServiceManager } from '../time/internal-time-service-manager.ts';
import type { InternalTimerService } from '../time/internal-timer-service.ts';
import type { Triggerable } from '../time/triggerable.ts';
import type { KeyContext, OperatorContext, Output, StateKeySelector } from './stream-operator.ts';
import { CombinedWatermarkStatus } from './combined-watermark-status.ts';
import type { StreamRecord } from './stream-record.ts';
import type { WatermarkStatus } from './watermark.ts';

export abstract class AbstractStreamOperator<OUT> implements KeyContext {
  private downstream?: Output<OUT>;
  private operatorContext?: OperatorContext;
  private stateKeySelector1?: StateKeySelector;
  private stateKeySelector2?: StateKeySelector;
  private keyedStateBackend?: KeyedStateBackend<unknown>;
  private timeServiceManager?: InternalTimeServiceManager<unknown>;
  private operatorStateBackend?: DefaultOperatorStateBackend;
  /** Of the two inputs of a two-input operator; created on its first watermark event. */
  private inputWatermarks?: CombinedWatermarkStatus;

  protected get output(): Output<OUT> {
    if (!this.downstream) throw new Error(`${this.constructor.name}: used before open()`);
    return this.downstream;
  }

  protected get context(): OperatorContext {
    if (!this.operatorContext) throw new Error(`${this.constructor.name}: used before open()`);
    return this.operatorContext;
  }

  /** Creates the operator state backend, with the restored operator state if there is any. */
  initializeState(context: OperatorContext): void | Promise<void> {
    const { runtimeContext, restoredState } = context;
    const description = `"${runtimeContext.getTaskName()}" (${runtimeContext.getIndexOfThisSubtask() + 1}/${runtimeContext.getNumberOfParallelSubtasks()})`;
    this.operatorStateBackend = new DefaultOperatorStateBackend(description, isOperatorStateSnapshot(restoredState) ? restoredState : undefined);
  }

  open(context: OperatorContext, output: Output<OUT>): void | Promise<void> {
    this.operatorContext = context;
    this.downstream = output;
    this.stateKeySelector1 = context.stateKeySelector1;
    this.stateKeySelector2 = context.stateKeySelector2;
    this.keyedStateBackend = context.keyedStateBackend;
    this.timeServiceManager = context.timeServiceManager;
  }

  prepareSnapshotPreBarrier(_checkpointId: number): void {}

  /** The operator state, when the operator holds any. */
  snapshotState(_checkpointId: number): unknown {
    const snapshot = this.operatorStateBackend?.snapshot();
    return snapshot && snapshot.operatorStates.length > 0 ? snapshot : undefined;
  }

  notifyCheckpointComplete(_checkpointId: number): void | Promise<void> {}

  notifyCheckpointAborted(_checkpointId: number): void | Promise<void> {}

  finish(): void | Promise<void> {}

  close(): void | Promise<void> {}

  // Keyed state: only a keyed operator with a state backend has a current key.

  setKeyContextElement1(record: StreamRecord<unknown>): void {
    if (this.stateKeySelector1 && this.keyedStateBackend) this.keyedStateBackend.setCurrentKey(this.stateKeySelector1(record.value));
  }

  setKeyContextElement2(record: StreamRecord<unknown>): void {
    if (this.stateKeySelector2 && this.keyedStateBackend) this.keyedStateBackend.setCurrentKey(this.stateKeySelector2(record.value));
  }

  setCurrentKey(key: unknown): void {
    this.getKeyedStateBackend().setCurrentKey(key);
  }

  getCurrentKey(): unknown {
    return this.getKeyedStateBackend().getCurrentKey();
  }

  /** The current key's state, in no namespace (Flink's getPartitionedState). */
  protected getPartitionedState<D extends StateDescriptor<unknown>>(descriptor: D): InternalStateFor<typeof VoidNamespace, D> {
    return this.getKeyedStateBackend().getPartitionedState(VoidNamespace, descriptor);
  }

  protected getOperatorStateBackend(): DefaultOperatorStateBackend {
    if (!this.operatorStateBackend) throw new Error(`${this.constructor.name}: operator state used before initializeState()`);
    return this.operatorStateBackend;
  }

  protected getKeyedStateBackend(): KeyedStateBackend<unknown> {
    if (!this.keyedStateBackend) throw new Error(`${this.constructor.name}: there is no current key outside a keyed stream (use keyBy first)`);
    return this.keyedStateBackend;
  }

  /** The named timer service of this keyed operator; its timers call `triggerable` with their key current. */
  protected getInternalTimerService<N>(name: string, triggerable: Triggerable<unknown, N>): InternalTimerService<N> {
    if (!this.timeServiceManager) throw new Error(`${this.constructor.name}: timers need a keyed stream (use keyBy first)`);
    return this.timeServiceManager.getInternalTimerService(name, triggerable);
  }

  // Event time. Every watermark reaching this operator goes through processWatermark, so
  // that is the one place where event-time timers advance.

  processWatermark(timestamp: number): void {
    this.timeServiceManager?.advanceWatermark(timestamp);
    this.output.emitWatermark(timestamp);
  }

  processWatermarkStatus(status: WatermarkStatus): void {
    this.output.emitWatermarkStatus(status);
  }

  processWatermark1(timestamp: number): void {
    this.advanceInputWatermark(0, timestamp);
  }

  processWatermark2(timestamp: number): void {
    this.advanceInputWatermark(1, timestamp);
  }

  processWatermarkStatus1(status: WatermarkStatus): void {
    this.changeInputStatus(0, status);
  }

  processWatermarkStatus2(status: WatermarkStatus): void {
    this.changeInputStatus(1, status);
  }

  private advanceInputWatermark(input: number, timestamp: number): void {
    const inputs = (this.inputWatermarks ??= new CombinedWatermarkStatus(2));
    if (inputs.setWatermark(input, timestamp)) this.processWatermark(inputs.combinedWatermark);
  }

  private changeInputStatus(input: number, status: WatermarkStatus): void {
    const inputs = (this.inputWatermarks ??= new CombinedWatermarkStatus(2));
    const wasIdle = inputs.isIdle;
    if (inputs.setIdle(input, status === 'idle')) this.processWatermark(inputs.combinedWatermark);
    if (inputs.isIdle !== wasIdle) this.output.emitWatermarkStatus(inputs.isIdle ? 'idle' : 'active');
  }
}
