// The sink of `executeAndCollect()`: sends the stream's records back to the job's client
// (`sluice run`) on the job's results subject, in batches. Each batch names the sink's
// attempt and its epoch: the last checkpoint taken before those records (0 before any). A
// restarted attempt first says which checkpoint it restored (0: none), so the client drops
// what earlier attempts sent from that epoch on, which the new attempt sends again: the
// client keeps every record once. The last message of a finished sink is `end`.
import { encodeControl } from '../codec/control-codec.ts';
import type { Cancellable } from '../time/processing-time-service.ts';
import { AbstractStreamOperator } from './abstract-stream-operator.ts';
import type { OneInputStreamOperator, OperatorContext, Output } from './stream-operator.ts';
import type { StreamRecord } from './stream-record.ts';

export type CollectMessage =
  | { attempt: number; restoredFrom: number }
  | { attempt: number; epoch: number; records: unknown[] }
  | { attempt: number; end: true };

const batchSize = 500;
/** A record waits at most this long for its batch to go. */
const flushDelayMs = 20;

export class CollectSinkOperator<T> extends AbstractStreamOperator<never> implements OneInputStreamOperator<T, never> {
  private buffer: unknown[] = [];
  private epoch = 0;
  private attempt = 0;
  private flushTimer?: Cancellable;

  override initializeState(context: OperatorContext): void {
    super.initializeState(context);
    if (typeof context.restoredState === 'number') this.epoch = context.restoredState;
  }

  override open(context: OperatorContext, output: Output<never>): void {
    super.open(context, output);
    this.attempt = context.runtimeContext.getAttemptNumber();
    if (this.attempt > 0) this.send({ attempt: this.attempt, restoredFrom: this.epoch });
  }

  processElement(record: StreamRecord<T>): void {
    if (this.buffer.push(record.value) >= batchSize) this.flush();
    else if (this.buffer.length === 1) {
      const time = this.context.processingTimeService;
      this.flushTimer = time.registerTimer(time.getCurrentProcessingTime() + flushDelayMs, () => this.flush());
    }
  }

  override prepareSnapshotPreBarrier(): void {
    this.flush();
  }

  /** From this checkpoint on, records belong to its epoch; the snapshot is the epoch a restore resumes. */
  override snapshotState(checkpointId: number): number {
    this.epoch = checkpointId;
    return checkpointId;
  }

  override finish(): void {
    this.flush();
    this.send({ attempt: this.attempt, end: true });
  }

  override close(): void {
    this.flushTimer?.cancel();
  }

  private flush(): void {
    this.flushTimer?.cancel();
    this.flushTimer = undefined;
    if (this.buffer.length === 0) return;
    const records = this.buffer;
    this.buffer = [];
    this.send({ attempt: this.attempt, epoch: this.epoch, records });
  }

  private send(message: CollectMessage): void {
    this.context.sendToClient(encodeControl(message));
  }
}
