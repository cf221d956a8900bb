// The output of one producer subtask on one edge: a partitioner choosing among the
// channels to every consumer subtask.
import type { PartitionerType } from './partitioner.ts';
import type { ChannelEvent } from './codec.ts';
import type { ChannelTransport } from './channel-transport.ts';
import { OutputChannel } from './output-channel.ts';
import { createPartitioner, type ChannelSelector, type KeySelector, type Partitioner } from './partitioner.ts';
import { creditSubject, dataSubject } from './subjects.ts';

export interface RecordWriterOptions {
  transport: ChannelTransport;
  namespace: string;
  jobId: string;
  edgeId: string;
  producerIndex: number;
  /** Of this producer subtask: it is part of every channel's subjects. */
  producerAttempt: number;
  /** The current attempt of each consumer subtask (as many as there are consumers). */
  consumerAttempts: readonly number[];
  producerCount: number;
  partitioner: PartitionerType;
  /** Of the consumer: the number of key groups for hash partitioning. */
  maxParallelism: number;
  keySelector?: KeySelector;
  channelSelector?: ChannelSelector;
  batchSize?: number;
  bufferTimeoutMs: number;
  /** For errors: "edge Map -> Sink: Print, subtask 2". */
  description: string;
  onError(error: Error): void;
}

export class RecordWriter {
  readonly channels: readonly OutputChannel[];
  private readonly partitioner: Partitioner;

  constructor(options: RecordWriterOptions) {
    const { transport, namespace, jobId, edgeId, producerIndex, consumerAttempts } = options;
    const consumerCount = consumerAttempts.length;
    const producer = { subtaskIndex: producerIndex, attemptNumber: options.producerAttempt };
    this.partitioner = createPartitioner(options.partitioner, {
      producerIndex, producerCount: options.producerCount, consumerCount, maxParallelism: options.maxParallelism,
      keySelector: options.keySelector, channelSelector: options.channelSelector, description: options.description,
    });
    this.channels = consumerAttempts.map((attemptNumber, subtaskIndex) => new OutputChannel({
      transport,
      dataSubject: dataSubject(namespace, jobId, edgeId, producer, { subtaskIndex, attemptNumber }),
      creditSubject: creditSubject(namespace, jobId, edgeId, producer, { subtaskIndex, attemptNumber }),
      description: options.description,
      batchSize: options.batchSize,
      bufferTimeoutMs: options.bufferTimeoutMs,
      onError: options.onError,
    }));
  }

  emit(record: unknown, timestamp?: number): void {
    if (this.partitioner.kind === 'select') this.channels[this.partitioner.selectChannel(record)]!.push(record, timestamp);
    else for (const channel of this.channels) channel.push(record, timestamp);
  }

  /** Sends every channel's buffered records now (the task has nothing else to do for the moment). */
  flushAll(): void {
    for (const channel of this.channels) channel.flush();
  }

  /** Each channel sends its buffered records first, so the event keeps its place after them. */
  broadcastEvent(event: ChannelEvent): void {
    for (const channel of this.channels) channel.pushEvent(event);
  }

  get isBackpressured(): boolean {
    for (const channel of this.channels) if (channel.isBackpressured) return true;
    return false;
  }

  async whenWritable(): Promise<void> {
    await Promise.all(this.channels.map((channel) => channel.whenWritable()));
  }

  /** Subscribes every channel to its credit grants; call before any consumer starts granting. */
  async open(): Promise<void> {
    await Promise.all(this.channels.map((channel) => channel.open()));
  }

  async close(): Promise<void> {
    await Promise.all(this.channels.map((channel) => channel.close()));
  }

  cancel(): void {
    for (const channel of this.channels) channel.cancel();
  }
}
