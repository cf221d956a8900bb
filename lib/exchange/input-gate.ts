// The input of one consumer subtask: every channel of its input edges, delivered one
// message at a time. Credit goes back to a producer only after its message was handled,
// so a slow handler slows its producers down instead of overflowing NATS.
import type { NatsConnection, Subscription } from 'nats';
import { decodeMessage, encodeCreditGrant, type ChannelMessage } from './codec.ts';
import { creditSubject, dataSubject } from './subjects.ts';

export interface InputEdge {
  edgeId: string;
  /** The current attempt of each producer subtask (as many as there are producers). */
  producerAttempts: readonly number[];
}

/** Which channel a message came from. */
export interface ChannelInput {
  readonly edgeId: string;
  readonly producerIndex: number;
}

export type InputHandler = (input: ChannelInput, message: ChannelMessage) => void | Promise<void>;

export interface InputGateOptions {
  nc: NatsConnection;
  namespace: string;
  jobId: string;
  consumerIndex: number;
  /** Of this consumer subtask: it is part of every channel's subjects. */
  consumerAttempt: number;
  inputs: InputEdge[];
  handler: InputHandler;
  /** A sequence gap, a malformed message or a handler failure: the gate stops delivering. */
  onError(error: Error): void;
}

export class ChannelSequenceError extends Error {
  constructor(readonly channel: string, readonly expected: number, readonly received: number) {
    super(`sequence ${received < expected ? 'duplicate' : 'gap'} on channel ${channel}: expected ${expected}, got ${received}`);
    this.name = 'ChannelSequenceError';
  }
}

interface InputChannel {
  readonly input: ChannelInput;
  /** "e1 1->0": edge, producer -> consumer. */
  readonly name: string;
  readonly dataSubject: string;
  readonly creditSubject: string;
  expectedSeq: number;
  /** Handled messages whose credit has not been granted back yet. */
  ungranted: number;
  endReceived: boolean;
}

export class InputGate {
  /** Resolves when every channel's `end` has been handled. */
  readonly finished: Promise<void>;
  private readonly channels: InputChannel[];
  private readonly subscriptions: Subscription[] = [];
  /** Short: at most the granted credit per channel. */
  private queue: Array<{ channel: InputChannel; message: ChannelMessage }> = [];
  private delivering = false;
  private stopped = false;
  private openChannels: number;
  private grantThreshold = 1;
  private resolveFinished!: () => void;

  constructor(private readonly options: InputGateOptions) {
    const { namespace, jobId, consumerIndex } = options;
    const consumer = { subtaskIndex: consumerIndex, attemptNumber: options.consumerAttempt };
    this.channels = options.inputs.flatMap(({ edgeId, producerAttempts }) =>
      producerAttempts.map((attemptNumber, producerIndex) => ({
        input: { edgeId, producerIndex },
        name: `${edgeId} ${producerIndex}->${consumerIndex}`,
        dataSubject: dataSubject(namespace, jobId, edgeId, { subtaskIndex: producerIndex, attemptNumber }, consumer),
        creditSubject: creditSubject(namespace, jobId, edgeId, { subtaskIndex: producerIndex, attemptNumber }, consumer),
        expectedSeq: 0,
        ungranted: 0,
        endReceived: false,
      })));
    this.openChannels = this.channels.length;
    this.finished = new Promise((resolve) => { this.resolveFinished = resolve; });
    if (this.openChannels === 0) this.resolveFinished();
  }

  /** Subscribes to every channel; resolves once the server has the subscriptions. */
  async open(): Promise<void> {
    for (const channel of this.channels) {
      this.subscriptions.push(this.options.nc.subscribe(channel.dataSubject, {
        callback: (error, msg) => {
          if (error) this.fail(new Error(`data subscription of channel ${channel.name}: ${error.message}`));
          else this.receive(channel, msg.data);
        },
      }));
    }
    await this.options.nc.flush();
  }

  /** Grants each channel its initial credit: call after every producer has opened its channel. */
  start(initialCredit = 16): void {
    // Grant back in batches of a quarter of the window, so producers never run dry while we grant.
    this.grantThreshold = Math.max(1, initialCredit >> 2);
    for (const channel of this.channels) this.options.nc.publish(channel.creditSubject, encodeCreditGrant(initialCredit));
  }

  /** Stops at once: unsubscribes and drops queued input. */
  cancel(): void {
    this.stopped = true;
    this.queue = [];
    for (const subscription of this.subscriptions) subscription.unsubscribe();
  }

  private receive(channel: InputChannel, bytes: Uint8Array): void {
    if (this.stopped) return;
    let message: ChannelMessage;
    try {
      message = decodeMessage(bytes);
    } catch (error) {
      return this.fail(new Error(`malformed message on channel ${channel.name}: ${(error as Error).message}`));
    }
    if (channel.endReceived) return this.fail(new Error(`message after end on channel ${channel.name}: seq ${message.seq}`));
    if (message.seq !== channel.expectedSeq) return this.fail(new ChannelSequenceError(channel.name, channel.expectedSeq, message.seq));
    channel.expectedSeq++;
    if (message.event?.type === 'end') channel.endReceived = true;
    this.queue.push({ channel, message });
    if (!this.delivering) void this.deliver();
  }

  private async deliver(): Promise<void> {
    this.delivering = true;
    while (this.queue.length > 0 && !this.stopped) {
      const { channel, message } = this.queue.shift()!;
      try {
        const pending = this.options.handler(channel.input, message);
        if (pending) await pending;
      } catch (error) {
        return this.fail(error as Error);
      }
      if (this.stopped) return;
      if (message.event?.type === 'end') this.endChannel();
      else if (++channel.ungranted >= this.grantThreshold) this.grant(channel);
    }
    this.delivering = false;
    // Caught up: hand back the rest of the credit so no producer waits on a partial grant batch.
    for (const channel of this.channels) if (channel.ungranted > 0) this.grant(channel);
  }

  private grant(channel: InputChannel): void {
    try {
      this.options.nc.publish(channel.creditSubject, encodeCreditGrant(channel.ungranted));
    } catch (error) {
      return this.fail(new Error(`cannot grant credit on channel ${channel.name}: ${(error as Error).message}`));
    }
    channel.ungranted = 0;
  }

  private endChannel(): void {
    if (--this.openChannels > 0) return;
    for (const subscription of this.subscriptions) subscription.unsubscribe();
    this.resolveFinished();
  }

  private fail(error: Error): void {
    if (this.stopped) return;
    this.cancel();
    this.options.onError(error);
  }
}
