// The input of one consumer subtask (Flink's InputGate): every channel of its input edges,
// each with its own queue. The task pulls one message at a time (`pollNext`), in the
// order channels became available; a blocked channel (checkpoint alignment) is not read
// while the others go on. Credit goes back to a producer only for messages the task took,
// so a blocked channel or a slow task holds its producers back instead of overflowing NATS.
import { decodeMessage, encodeCreditGrant, type ChannelMessage } from './codec.ts';
import { ChannelSequence } from './channel-sequence.ts';
import type { ChannelSubscription, ChannelTransport } from './channel-transport.ts';
import { creditSubject, dataSubject } from './subjects.ts';

export interface InputEdge {
  edgeId: string;
  /** The current attempt of each producer subtask (as many as there are producers). */
  producerAttempts: readonly number[];
}

/** Which channel a message came from; channels are numbered edge by edge, producer by producer. */
export interface ChannelInput {
  readonly edgeId: string;
  readonly producerIndex: number;
  /** "e1 1->0": edge, producer -> consumer. */
  readonly name: string;
}

export interface InputGateOptions {
  transport: ChannelTransport;
  namespace: string;
  jobId: string;
  consumerIndex: number;
  /** Of this consumer subtask: it is part of every channel's subjects. */
  consumerAttempt: number;
  inputs: InputEdge[];
  /** A sequence gap, a malformed message or a failed credit grant: the gate stops. */
  onError(error: Error): void;
}

interface InputChannel {
  readonly info: ChannelInput;
  readonly dataSubject: string;
  readonly creditSubject: string;
  /** Received, not yet taken by the task: at most the credit granted. */
  readonly queue: ChannelMessage[];
  readonly sequence: ChannelSequence;
  /** Messages taken whose credit has not been granted back yet. */
  ungranted: number;
  blocked: boolean;
  /** Whether it is in the `available` list. */
  listed: boolean;
}

export interface PolledMessage {
  /** The channel's index in `channels`. */
  channel: number;
  message: ChannelMessage;
}

export class InputGate {
  readonly channels: readonly ChannelInput[];
  private readonly inputChannels: InputChannel[];
  private readonly subscriptions: ChannelSubscription[] = [];
  /** Unblocked channels with queued messages, in the order they became available. */
  private available: number[] = [];
  private stopped = false;
  private openChannels: number;
  private grantThreshold = 1;
  private wakeUp?: () => void;

  constructor(private readonly options: InputGateOptions) {
    const { namespace, jobId, consumerIndex } = options;
    const consumer = { subtaskIndex: consumerIndex, attemptNumber: options.consumerAttempt };
    this.inputChannels = options.inputs.flatMap(({ edgeId, producerAttempts }) =>
      producerAttempts.map((attemptNumber, producerIndex) => {
        const name = `${edgeId} ${producerIndex}->${consumerIndex}`;
        return {
          info: { edgeId, producerIndex, name },
          dataSubject: dataSubject(namespace, jobId, edgeId, { subtaskIndex: producerIndex, attemptNumber }, consumer),
          creditSubject: creditSubject(namespace, jobId, edgeId, { subtaskIndex: producerIndex, attemptNumber }, consumer),
          queue: [],
          sequence: new ChannelSequence(name),
          ungranted: 0,
          blocked: false,
          listed: false,
        };
      }));
    this.channels = this.inputChannels.map((channel) => channel.info);
    this.openChannels = this.inputChannels.length;
  }

  /** True once every channel's `end` has been taken (or the gate was cancelled). */
  get isFinished(): boolean {
    return this.openChannels === 0 || this.stopped;
  }

  /** Subscribes to every channel; resolves once the server has the subscriptions. */
  async open(): Promise<void> {
    this.inputChannels.forEach((channel, index) => {
      this.subscriptions.push(this.options.transport.subscribe(channel.dataSubject,
        (data) => this.receive(index, data),
        (error) => this.fail(new Error(`data subscription of channel ${channel.info.name}: ${error.message}`))));
    });
    await this.options.transport.flush();
  }

  /** Grants each channel its initial credit: call after every producer has opened its channel. */
  start(initialCredit = 16): void {
    // Grant back in batches of a quarter of the window, so producers never run dry while we grant.
    this.grantThreshold = Math.max(1, initialCredit >> 2);
    for (const channel of this.inputChannels) this.options.transport.publish(channel.creditSubject, encodeCreditGrant(initialCredit));
  }

  /** The next message of an unblocked channel, or undefined when none is there now (see whenAvailable). */
  pollNext(): PolledMessage | undefined {
    if (this.stopped) return undefined;
    const index = this.available.shift();
    // No grant when caught up: a producer stalls only with its whole window outstanding, so
    // with less than a grant batch taken it still has most of its credit. Granting every
    // message at a light load doubled the messages on NATS and the wake-ups of both ends.
    if (index === undefined) return undefined;
    const channel = this.inputChannels[index]!;
    const message = channel.queue.shift()!;
    if (channel.queue.length > 0) this.available.push(index);
    else channel.listed = false;
    if (message.event?.type === 'end') this.endChannel();
    else if (++channel.ungranted >= this.grantThreshold) this.grant(channel);
    return { channel: index, message };
  }

  /** Resolves when pollNext may return a message, or the gate stopped. */
  whenAvailable(): Promise<void> {
    if (this.available.length > 0 || this.stopped) return Promise.resolve();
    return new Promise((resolve) => { this.wakeUp = resolve; });
  }

  /** Stops taking messages from the channel; they wait in its queue, bounded by its credit. */
  block(index: number): void {
    const channel = this.inputChannels[index]!;
    if (channel.blocked) return;
    channel.blocked = true;
    if (channel.listed) {
      channel.listed = false;
      this.available = this.available.filter((i) => i !== index);
    }
  }

  unblock(index: number): void {
    const channel = this.inputChannels[index]!;
    if (!channel.blocked) return;
    channel.blocked = false;
    if (channel.queue.length > 0) this.list(index);
  }

  /** Stops at once: unsubscribes and drops queued input. */
  cancel(): void {
    this.stopped = true;
    this.available = [];
    for (const channel of this.inputChannels) channel.queue.length = 0;
    for (const subscription of this.subscriptions) subscription.unsubscribe();
    this.wake();
  }

  private receive(index: number, bytes: Uint8Array): void {
    if (this.stopped) return;
    const channel = this.inputChannels[index]!;
    let message: ChannelMessage;
    try {
      message = decodeMessage(bytes);
    } catch (error) {
      return this.fail(new Error(`malformed message on channel ${channel.info.name}: ${(error as Error).message}`));
    }
    try {
      channel.sequence.accept(message.seq, message.event?.type === 'end');
    } catch (error) {
      return this.fail(error as Error);
    }
    channel.queue.push(message);
    if (!channel.blocked && !channel.listed) this.list(index);
  }

  private list(index: number): void {
    this.inputChannels[index]!.listed = true;
    this.available.push(index);
    this.wake();
  }

  private wake(): void {
    const wakeUp = this.wakeUp;
    this.wakeUp = undefined;
    wakeUp?.();
  }

  private grant(channel: InputChannel): void {
    try {
      this.options.transport.publish(channel.creditSubject, encodeCreditGrant(channel.ungranted));
    } catch (error) {
      return this.fail(new Error(`cannot grant credit on channel ${channel.info.name}: ${(error as Error).message}`));
    }
    channel.ungranted = 0;
  }

  private endChannel(): void {
    if (--this.openChannels > 0) return;
    for (const subscription of this.subscriptions) subscription.unsubscribe();
  }

  private fail(error: Error): void {
    if (this.stopped) return;
    this.cancel();
    this.options.onError(error);
  }
}
