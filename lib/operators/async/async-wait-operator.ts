// Flink's AsyncWaitOperator: calls an AsyncFunction for each record and emits the results as
// the requests complete, in input order or as they come (never across a watermark). At most
// `capacity` records and watermarks are held; past that the task stops taking input until one
// goes out (what arrived in the same input batch waits in a backlog, still unstarted). Results
// and timeouts are handled in the task's mailbox, one at a time with records and checkpoints.
// A checkpoint stores every held input, and a restore starts their requests again, so each
// record's results are emitted once downstream of a completed checkpoint.
import { AsyncTimeoutError, type AsyncFunction, type ResultFuture } from '../../functions/async-function.ts';
import { AsyncRetryStrategies, type AsyncRetryStrategy } from '../../functions/async-retry-strategy.ts';
import { ListStateDescriptor } from '../../state/list-state-descriptor.ts';
import type { ListState } from '../../state/list-state.ts';
import { AbstractUdfStreamOperator } from '../abstract-udf-stream-operator.ts';
import type { OneInputStreamOperator, OperatorContext, Output } from '../stream-operator.ts';
import { StreamRecord } from '../stream-record.ts';
import { OrderedStreamElementQueue } from './ordered-stream-element-queue.ts';
import type { QueueEntry, RecordEntry, StreamElementQueue } from './stream-element-queue.ts';
import { UnorderedStreamElementQueue } from './unordered-stream-element-queue.ts';

export type AsyncOutputMode = 'ORDERED' | 'UNORDERED';

/** A held input as a checkpoint stores it. */
type StoredElement = { record: unknown; timestamp: number | null } | { watermark: number };

/** Flink's name for the operator's list state. */
const stateName = '_async_wait_operator_state_';

export class AsyncWaitOperator<IN, OUT> extends AbstractUdfStreamOperator<AsyncFunction<IN, OUT>, OUT> implements OneInputStreamOperator<IN, OUT> {
  private readonly queue: StreamElementQueue<OUT>;
  /** Inputs received while the queue was full, in order; they start as entries go out. */
  private readonly backlog: QueueEntry<OUT>[] = [];
  /** Timeouts and retry delays not yet passed. */
  private readonly timers = new Set<NodeJS.Timeout>();
  /** Timers that fired, their action not run yet: a mail submitted as the input ended never runs, so finish() runs it. */
  private readonly fired = new Set<() => void>();
  /** The first input that failed: its mail fails the task, or finish() does. */
  private failure?: Error;
  private readonly reuse = new StreamRecord<OUT>(undefined as OUT);
  private state!: ListState<StoredElement>;
  private restored: StoredElement[] = [];
  private emitScheduled = false;
  private emitting = false;
  private emitAgain = false;
  /** After the end of input the mailbox no longer runs: results are emitted as they come. */
  private draining?: { resolve: () => void; reject: (error: Error) => void };
  private available?: { promise: Promise<void>; resolve: () => void };
  private closed = false;

  constructor(
    userFunction: AsyncFunction<IN, OUT>,
    private readonly timeoutMs: number,
    private readonly capacity: number,
    mode: AsyncOutputMode,
    private readonly retryStrategy: AsyncRetryStrategy<OUT> = AsyncRetryStrategies.NO_RETRY_STRATEGY,
  ) {
    super(userFunction);
    if (!Number.isInteger(capacity) || capacity <= 0) throw new Error(`The max number of concurrent async operation should be greater than 0 (got ${capacity}).`);
    this.queue = mode === 'ORDERED' ? new OrderedStreamElementQueue() : new UnorderedStreamElementQueue();
  }

  override async initializeState(context: OperatorContext): Promise<void> {
    await super.initializeState(context);
    this.state = this.getOperatorStateBackend().getListState(new ListStateDescriptor<StoredElement>(stateName));
    this.restored = [...this.state.get()];
  }

  override async open(context: OperatorContext, output: Output<OUT>): Promise<void> {
    await super.open(context, output);
    const restored = this.restored;
    this.restored = [];
    for (const element of restored) {
      if ('watermark' in element) this.processWatermark(element.watermark);
      else this.add({ kind: 'record', value: element.record, timestamp: element.timestamp ?? undefined });
    }
  }

  processElement(record: StreamRecord<IN>): void {
    this.add({ kind: 'record', value: record.value, timestamp: record.timestamp });
  }

  override processWatermark(timestamp: number): void {
    this.add({ kind: 'watermark', timestamp });
    this.emitCompleted();
  }

  /** Pending while the operator holds `capacity` inputs: the task takes no more input until it resolves. */
  getAvailableFuture(): Promise<void> | undefined {
    if (!this.isFull()) return undefined;
    if (!this.available) {
      let resolve!: () => void;
      const promise = new Promise<void>((done) => (resolve = done));
      this.available = { promise, resolve };
    }
    return this.available.promise;
  }

  override snapshotState(checkpointId: number): unknown {
    this.state.update([...this.queue.values(), ...this.backlog].map((entry): StoredElement =>
      (entry.kind === 'watermark' ? { watermark: entry.timestamp } : { record: entry.value, timestamp: entry.timestamp ?? null })));
    return super.snapshotState(checkpointId);
  }

  /** End of input: waits until every held input's results went out. */
  override async finish(): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      this.draining = { resolve, reject };
      if (this.failure) return reject(this.failure);
      for (const run of [...this.fired]) this.inTask(run);
      this.emitCompleted();
    });
  }

  override async close(): Promise<void> {
    this.closed = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    await super.close();
  }

  private isFull(): boolean {
    return this.queue.size + this.backlog.length >= this.capacity;
  }

  private add(entry: QueueEntry<OUT>): void {
    if (this.backlog.length > 0 || this.queue.size >= this.capacity) this.backlog.push(entry);
    else this.start(entry);
  }

  /**
   * Starts the request for `entry`. Each attempt gets a future of its own, of which the first
   * completion counts; an outcome the retry strategy asks to retry starts another attempt
   * after its delay. The first outcome not retried, or the timeout, settles the input.
   */
  private start(entry: QueueEntry<OUT>): void {
    this.queue.put(entry);
    if (entry.kind === 'watermark') return;
    let settled = false;
    let attempts = 1;
    let timeout: NodeJS.Timeout | undefined;
    /** While a retry waits: the outcome it would replace, which a timeout then settles with. */
    let retrying: { timer: NodeJS.Timeout; outcome: Outcome<OUT> } | undefined;
    const settle = (outcome: Outcome<OUT>) => {
      if (settled || this.closed) return;
      settled = true;
      this.cancelTimer(timeout);
      this.cancelTimer(retrying?.timer);
      if ('error' in outcome) return this.fail(entry, outcome.error);
      entry.results = outcome.result;
      this.completed(entry);
    };
    const { resultPredicate, exceptionPredicate } = this.retryStrategy.getRetryPredicate();
    const attempt = () => {
      let answered = false;
      const answer = (outcome: Outcome<OUT>) => {
        if (answered || settled || this.closed) return;
        answered = true;
        const retry = 'error' in outcome ? exceptionPredicate?.(outcome.error) : resultPredicate?.(outcome.result);
        if (!retry || !this.retryStrategy.canRetry(attempts)) return settle(outcome);
        const delayMs = this.retryStrategy.getBackoffTimeMillis(attempts);
        attempts++;
        retrying = {
          outcome,
          timer: this.schedule(delayMs, () => {
            retrying = undefined;
            if (!settled) attempt();
          }),
        };
      };
      this.invoke(entry.value as IN, futureOf(answer));
    };
    if (this.timeoutMs > 0) {
      timeout = this.schedule(this.timeoutMs, () => {
        if (settled) return;
        // As in Flink, a timeout while a retry waits ends the input with the last attempt's outcome.
        if (retrying) return settle(retrying.outcome);
        const future = futureOf(settle);
        if (this.userFunction.timeout) this.userFunction.timeout(entry.value as IN, future);
        else future.completeExceptionally(new AsyncTimeoutError());
      });
    }
    attempt();
  }

  private invoke(input: IN, future: ResultFuture<OUT>): void {
    const pending = this.userFunction.asyncInvoke(input, future);
    if (pending && typeof pending.then === 'function') pending.then(undefined, (error: unknown) => future.completeExceptionally(error instanceof Error ? error : new Error(String(error))));
  }

  /** Runs `action` in the task once `delayMs` passed; finish() runs it if its mail never ran. */
  private schedule(delayMs: number, action: () => void): NodeJS.Timeout {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      const run = () => {
        if (this.fired.delete(run)) action();
      };
      this.fired.add(run);
      this.inTask(run);
    }, delayMs);
    this.timers.add(timer);
    return timer;
  }

  private cancelTimer(timer: NodeJS.Timeout | undefined): void {
    if (!timer) return;
    clearTimeout(timer);
    this.timers.delete(timer);
  }

  private completed(entry: RecordEntry<OUT>): void {
    this.queue.completed(entry);
    if (this.draining) return this.emitCompleted();
    if (this.emitScheduled) return;
    this.emitScheduled = true;
    this.context.mailboxExecutor.submit(() => {
      this.emitScheduled = false;
      this.emitCompleted();
    }, `${this.context.operatorName}: async results`);
  }

  /** Emits what may go out, starts what waited for room, and wakes the task's input. */
  private emitCompleted(): void {
    // A request that completes inside asyncInvoke (a cache hit) calls back in here: the running pass picks it up.
    if (this.emitting) {
      this.emitAgain = true;
      return;
    }
    this.emitting = true;
    try {
      do {
        this.emitAgain = false;
        this.emitPass();
      } while (this.emitAgain);
    } finally {
      this.emitting = false;
    }
  }

  private emitPass(): void {
    const emit = (entry: QueueEntry<OUT>) => {
      if (entry.kind === 'watermark') return super.processWatermark(entry.timestamp);
      for (const result of entry.results!) this.output.collect(this.reuse.replace(result, entry.timestamp));
    };
    this.queue.emitCompleted(emit);
    while (this.backlog.length > 0 && this.queue.size < this.capacity) {
      this.start(this.backlog.shift()!);
      this.queue.emitCompleted(emit);
    }
    if (this.available && !this.isFull()) {
      this.available.resolve();
      this.available = undefined;
    }
    if (this.draining && this.queue.size === 0) this.draining.resolve();
  }

  /** An input failed: the task fails with it, in its mailbox (or in finish(), once the mailbox stopped). */
  private fail(entry: RecordEntry<OUT>, cause: Error): void {
    const error = new Error(`Could not complete the stream element ${describe(entry)}: ${cause.name === 'Error' ? '' : `${cause.name}: `}${cause.message}`, { cause });
    this.failure ??= error;
    this.inTask(() => {
      throw error;
    });
  }

  /** Runs `action` in the task: as a mail, or at once while finish() waits, when the mailbox no longer runs. */
  private inTask(action: () => void): void {
    if (!this.draining) return this.context.mailboxExecutor.submit(action, `${this.context.operatorName}: async request`);
    try {
      action();
    } catch (error) {
      this.draining.reject(error as Error);
    }
  }
}

/** How one attempt, or an input, ended. */
type Outcome<OUT> = { result: OUT[] } | { error: Error };

function futureOf<OUT>(answer: (outcome: Outcome<OUT>) => void): ResultFuture<OUT> {
  return {
    complete: (result) => answer({ result: [...result] }),
    completeExceptionally: (error) => answer({ error }),
  };
}

function describe(entry: RecordEntry<unknown>): string {
  let value: string;
  try {
    value = JSON.stringify(entry.value) ?? String(entry.value);
  } catch {
    value = String(entry.value);
  }
  return `Record @ ${entry.timestamp ?? '(undefined)'} : ${value}`;
}
