// One producer -> consumer channel: buffers records into batches, stamps each message with
// the channel's next sequence number and sends it only while the consumer has granted credit.
import type { ChannelSubscription, ChannelTransport } from './channel-transport.ts';
import { decodeCreditGrant, encodeBatch, encodeEvent, RecordEncodeError, type ChannelEvent } from './codec.ts';

export interface OutputChannelOptions {
  transport: ChannelTransport;
  dataSubject: string;
  creditSubject: string;
  /** Where records come from, for errors: "edge Map -> Sink: Print, subtask 2". */
  description: string;
  /** Records per batch (default 1000). */
  batchSize?: number;
  /** A buffered record waits at most this long before its batch is sent (default 5; 0 sends each record at once). */
  bufferTimeoutMs?: number;
  /** Flushes happen on timers too, so encoding and send failures arrive here. */
  onError(error: Error): void;
}

export class OutputChannel {
  private buffer: unknown[] = [];
  /** Parallel to `buffer` once some buffered record has a timestamp (null for those without). */
  private timestamps: Array<number | null> | undefined;
  /** Encoded messages waiting for credit, in sequence order. */
  private backlog: Uint8Array[] = [];
  private credit = 0;
  private nextSeq = 0;
  private sent = 0;
  private flushTimer: NodeJS.Timeout | undefined;
  private creditSubscription: ChannelSubscription | undefined;
  private writableWaiters: Array<() => void> = [];
  /** After cancel() or the first error the channel sends nothing more: a stream with a hole must not go on. */
  private stopped = false;
  private readonly flushAt: number;
  private readonly bufferTimeoutMs: number;

  constructor(private readonly options: OutputChannelOptions) {
    this.bufferTimeoutMs = options.bufferTimeoutMs ?? 5;
    this.flushAt = this.bufferTimeoutMs === 0 ? 1 : options.batchSize ?? 1000;
  }

  /** True while flushed messages wait for credit. */
  get isBackpressured(): boolean { return this.backlog.length > 0; }
  get backlogSize(): number { return this.backlog.length; }
  /** Messages published so far (batches and events). */
  get sentMessages(): number { return this.sent; }

  /** Subscribes to credit grants; resolves once the server has the subscription, so no grant is lost. */
  async open(): Promise<void> {
    const creditFailure = (reason: string) => this.fail(new Error(`credit subscription of ${this.options.description}: ${reason}`));
    this.creditSubscription = this.options.transport.subscribe(this.options.creditSubject, (data) => {
      try {
        this.credit += decodeCreditGrant(data);
      } catch (failure) {
        return creditFailure((failure as Error).message);
      }
      this.sendBacklog();
    }, (error) => creditFailure(error.message));
    await this.options.transport.flush();
  }

  push(record: unknown, timestamp?: number): void {
    if (timestamp !== undefined) (this.timestamps ??= new Array<number | null>(this.buffer.length).fill(null)).push(timestamp);
    else this.timestamps?.push(null);
    if (this.buffer.push(record) >= this.flushAt) this.flush();
    else if (this.buffer.length === 1) this.flushTimer = setTimeout(this.flushOnTimer, this.bufferTimeoutMs);
  }

  /** Sends the buffered records first, so the event keeps its place in the stream. */
  pushEvent(event: ChannelEvent): void {
    this.flush();
    this.send(encodeEvent(this.nextSeq++, event));
  }

  /** Resolves when every flushed message has been sent. */
  whenWritable(): Promise<void> {
    if (this.backlog.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.writableWaiters.push(resolve));
  }

  /** Sends the rest and `end`, waits for the credit to send it all, then stops listening for grants. */
  async close(): Promise<void> {
    this.pushEvent({ type: 'end' });
    await this.whenWritable();
    this.creditSubscription?.unsubscribe();
  }

  /** Drops everything unsent; waiters on whenWritable are released so their loops can observe the cancellation. */
  cancel(): void {
    this.stopped = true;
    clearTimeout(this.flushTimer);
    this.buffer = [];
    this.timestamps = undefined;
    this.backlog = [];
    this.creditSubscription?.unsubscribe();
    this.releaseWriters();
  }

  flush(): void {
    if (this.buffer.length === 0) return;
    clearTimeout(this.flushTimer);
    const records = this.buffer;
    const timestamps = this.timestamps;
    this.buffer = [];
    this.timestamps = undefined;
    if (this.stopped) return;
    try {
      this.sendRecords(records, timestamps);
    } catch (error) {
      this.fail(error as Error);
    }
  }

  private readonly flushOnTimer = (): void => this.flush();

  private sendRecords(records: unknown[], timestamps: Array<number | null> | undefined): void {
    const bytes = encodeBatch(this.nextSeq, records, this.options.description, timestamps);
    const maxPayload = this.options.transport.maxPayload;
    if (bytes.length > maxPayload) {
      if (records.length === 1) {
        throw new RecordEncodeError(this.options.description, `encoded size ${bytes.length} bytes exceeds the server's max payload of ${maxPayload} bytes`, records[0]);
      }
      const middle = records.length >>> 1;
      this.sendRecords(records.slice(0, middle), timestamps?.slice(0, middle));
      this.sendRecords(records.slice(middle), timestamps?.slice(middle));
      return;
    }
    this.nextSeq++;
    this.send(bytes);
  }

  private send(bytes: Uint8Array): void {
    if (this.stopped) return;
    if (this.credit > 0 && this.backlog.length === 0) this.publish(bytes);
    else this.backlog.push(bytes);
  }

  private sendBacklog(): void {
    let sentCount = 0;
    while (this.credit > 0 && sentCount < this.backlog.length && this.publish(this.backlog[sentCount])) sentCount++;
    this.backlog.splice(0, sentCount);
    if (this.backlog.length === 0) this.releaseWriters();
  }

  private publish(bytes: Uint8Array): boolean {
    try {
      this.options.transport.publish(this.options.dataSubject, bytes);
    } catch (error) {
      this.fail(new Error(`cannot send on ${this.options.description}: ${(error as Error).message}`));
      return false;
    }
    this.credit--;
    this.sent++;
    return true;
  }

  private fail(error: Error): void {
    if (this.stopped) return;
    this.stopped = true;
    this.backlog = [];
    this.releaseWriters();
    this.options.onError(error);
  }

  private releaseWriters(): void {
    const waiters = this.writableWaiters;
    this.writableWaiters = [];
    for (const resolve of waiters) resolve();
  }
}
