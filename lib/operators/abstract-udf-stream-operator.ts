// Flink's AbstractUdfStreamOperator: an operator around one user function. It drives the
// function's rich lifecycle and gives it a TimestampedCollector, so what the function
// emits keeps the timestamp of the record it is processing. A CheckpointedFunction gets its
// operator state here: the operator's snapshot is that state as plain data. A function that
// is a CheckpointListener hears of completed and aborted checkpoints through the operator.
import { isCheckpointListener } from '../functions/checkpoint-listener.ts';
import { isCheckpointedFunction } from '../functions/checkpointed-function.ts';
import { isRichFunction } from '../functions/rich-functions.ts';
import { DefaultKeyedStateStore } from '../state/keyed-state-store.ts';
import { isOperatorStateSnapshot } from '../state/operator/operator-state-snapshot.ts';
import { AbstractStreamOperator } from './abstract-stream-operator.ts';
import type { OperatorContext, Output } from './stream-operator.ts';
import { TimestampedCollector } from './timestamped-collector.ts';

export abstract class AbstractUdfStreamOperator<F extends object, OUT> extends AbstractStreamOperator<OUT> {
  private timestampedCollector?: TimestampedCollector<OUT>;

  constructor(protected readonly userFunction: F) {
    super();
  }

  protected get collector(): TimestampedCollector<OUT> {
    return (this.timestampedCollector ??= new TimestampedCollector(this.output));
  }

  override async initializeState(context: OperatorContext): Promise<void> {
    await super.initializeState(context);
    const fn = this.userFunction;
    // As in Flink's setup: the function knows its subtask already in initializeState.
    if (isRichFunction(fn)) fn.setRuntimeContext(context.runtimeContext);
    if (!isCheckpointedFunction(fn)) return;
    const { restoredState, keyedStateBackend } = context;
    const backend = this.getOperatorStateBackend();
    const keyedStateStore = keyedStateBackend && new DefaultKeyedStateStore(keyedStateBackend);
    await fn.initializeState({
      isRestored: () => isOperatorStateSnapshot(restoredState),
      getOperatorStateStore: () => backend,
      getKeyedStateStore: () => keyedStateStore,
    });
  }

  /** A CheckpointedFunction brings its operator state up to date before the snapshot. */
  override snapshotState(checkpointId: number): unknown {
    const fn = this.userFunction;
    if (isCheckpointedFunction(fn)) fn.snapshotState({ getCheckpointId: () => checkpointId });
    return super.snapshotState(checkpointId);
  }

  override notifyCheckpointComplete(checkpointId: number): void | Promise<void> {
    const fn = this.userFunction;
    if (isCheckpointListener(fn)) return fn.notifyCheckpointComplete(checkpointId);
  }

  override notifyCheckpointAborted(checkpointId: number): void | Promise<void> {
    const fn = this.userFunction;
    if (isCheckpointListener(fn)) return fn.notifyCheckpointAborted?.(checkpointId);
  }

  override async open(context: OperatorContext, output: Output<OUT>): Promise<void> {
    await super.open(context, output);
    const fn = this.userFunction;
    if (isRichFunction(fn)) await fn.open();
  }

  override async close(): Promise<void> {
    if (isRichFunction(this.userFunction)) await this.userFunction.close();
  }
}
