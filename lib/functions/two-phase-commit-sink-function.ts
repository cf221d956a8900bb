// Flink's TwoPhaseCommitSinkFunction: the base of exactly-once SinkFunctions. Records go into
// the current transaction; at each checkpoint it is pre-committed and a new one begins, and
// the pre-committed transactions wait in operator state until a checkpoint at or after
// theirs completes, when they are committed. A restore commits the restored checkpoint's
// pre-committed transactions (recoverAndCommit: they may be committed already) and aborts
// the transaction that was open then (recoverAndAbort). The end of input commits what
// remains, as Flink's final checkpoint does. Transactions and the user context are plain
// data: they travel in the checkpoint.
import type { ListState } from '../state/list-state.ts';
import { ListStateDescriptor } from '../state/list-state-descriptor.ts';
import type { CheckpointListener } from './checkpoint-listener.ts';
import type { CheckpointedFunction, FunctionInitializationContext, FunctionSnapshotContext } from './checkpointed-function.ts';
import type { SinkContext } from './functions.ts';
import { AbstractRichFunction } from './rich-functions.ts';

/** What one subtask checkpoints (Flink's TwoPhaseCommitSinkFunction.State). */
interface TwoPhaseCommitState<TXN, CONTEXT> {
  pendingTransaction: TXN;
  /** Pre-committed transactions by the checkpoint that pre-committed them, oldest first. */
  pendingCommitTransactions: [checkpointId: number, transaction: TXN][];
  context?: CONTEXT;
}

export abstract class TwoPhaseCommitSinkFunction<IN, TXN, CONTEXT = never> extends AbstractRichFunction implements CheckpointedFunction, CheckpointListener {
  protected userContext?: CONTEXT;
  private state?: ListState<TwoPhaseCommitState<TXN, CONTEXT>>;
  private current?: TXN;
  /** Created in initializeState: a shallow copy of the function for another subtask must not share it. */
  private pendingCommitTransactions!: Map<number, TXN>;

  /** Opens a transaction; called before the first record and after every checkpoint. */
  protected abstract beginTransaction(): TXN;
  /** Writes one record into the transaction. */
  protected abstract invoke(transaction: TXN, value: IN, context: SinkContext): void;
  /** Makes the transaction ready to commit (flushes it); called while the checkpoint is taken. */
  protected abstract preCommit(transaction: TXN): void;
  /** Makes a pre-committed transaction visible. */
  protected abstract commit(transaction: TXN): void | Promise<void>;
  /** Drops a transaction. */
  protected abstract abort(transaction: TXN): void | Promise<void>;

  /** Commits a transaction restored from a checkpoint; it may have been committed before the failure. */
  protected recoverAndCommit(transaction: TXN): void | Promise<void> {
    return this.commit(transaction);
  }

  /** Aborts the transaction that was open when the restored checkpoint was taken. */
  protected recoverAndAbort(transaction: TXN): void | Promise<void> {
    return this.abort(transaction);
  }

  /** The user context of a fresh start (none is restored). */
  protected initializeUserContext(): CONTEXT | undefined {
    return undefined;
  }

  /** After a restore: every transaction of the restored context has been committed or aborted. */
  protected finishRecoveringContext(_handledTransactions: TXN[]): void | Promise<void> {}

  /** The transaction records go into now. */
  protected currentTransaction(): TXN {
    if (this.current === undefined) throw new Error(`${this.constructor.name}: no transaction is open (before initializeState or after finish)`);
    return this.current;
  }

  /** The SinkFunction entry (Flink's final invoke(value, context)): the record goes into the current transaction. */
  invokeInCurrentTransaction(value: IN, context: SinkContext): void {
    this.invoke(this.currentTransaction(), value, context);
  }

  async initializeState(context: FunctionInitializationContext): Promise<void> {
    this.state = context.getOperatorStateStore().getListState(new ListStateDescriptor<TwoPhaseCommitState<TXN, CONTEXT>>('state'));
    let recoveredUserContext = false;
    if (context.isRestored()) {
      for (const restored of this.state.get()) {
        this.userContext = restored.context;
        const handled: TXN[] = [];
        for (const [, transaction] of restored.pendingCommitTransactions) {
          await this.recoverAndCommit(transaction);
          handled.push(transaction);
        }
        await this.recoverAndAbort(restored.pendingTransaction);
        handled.push(restored.pendingTransaction);
        if (restored.context !== undefined) {
          await this.finishRecoveringContext(handled);
          recoveredUserContext = true;
        }
      }
    }
    if (!recoveredUserContext) this.userContext = this.initializeUserContext();
    this.pendingCommitTransactions = new Map();
    this.current = this.beginTransaction();
  }

  snapshotState(context: FunctionSnapshotContext): void {
    const transaction = this.currentTransaction();
    this.preCommit(transaction);
    this.pendingCommitTransactions.set(context.getCheckpointId(), transaction);
    this.current = this.beginTransaction();
    this.state!.update([{
      pendingTransaction: this.current,
      pendingCommitTransactions: [...this.pendingCommitTransactions],
      ...(this.userContext === undefined ? {} : { context: this.userContext }),
    }]);
  }

  async notifyCheckpointComplete(checkpointId: number): Promise<void> {
    for (const [pendingCheckpointId, transaction] of [...this.pendingCommitTransactions]) {
      if (pendingCheckpointId > checkpointId) continue;
      await this.commit(transaction);
      this.pendingCommitTransactions.delete(pendingCheckpointId);
    }
  }

  /** End of input: the current transaction is pre-committed and, with every pending one, committed. */
  async finish(): Promise<void> {
    const transaction = this.currentTransaction();
    this.preCommit(transaction);
    this.current = undefined;
    for (const pending of this.pendingCommitTransactions.values()) await this.commit(pending);
    this.pendingCommitTransactions.clear();
    await this.commit(transaction);
  }

  /** After a failure or a cancellation, the open transaction is aborted; pre-committed ones wait for a restore. */
  override async close(): Promise<void> {
    if (this.current === undefined) return;
    const transaction = this.current;
    this.current = undefined;
    await this.abort(transaction);
  }
}

/** Duck-typed: a job bundle may hold its own copy of this module. */
export function isTwoPhaseCommitSinkFunction(fn: object): fn is TwoPhaseCommitSinkFunction<unknown, unknown, unknown> {
  return typeof (fn as Partial<TwoPhaseCommitSinkFunction<unknown, unknown, unknown>>).invokeInCurrentTransaction === 'function';
}
