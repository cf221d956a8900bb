// How one worker thread's channels send their batches, events and credit grants: over NATS,
// except to a subject that a subtask of this same thread subscribed to. That message is
// handed over in memory, as Flink's LocalInputChannel skips the network between subtasks
// of one TaskManager. The bytes are the same either way, so sequence numbers, credit and
// the consumer's own copy of each record do not depend on where the producer runs; only
// the two trips through the server (and the wake-ups of both processes) are saved.
import type { NatsConnection, Subscription } from 'nats';

export interface ChannelSubscription {
  unsubscribe(): void;
}

interface LocalSubscriber {
  readonly onMessage: (data: Uint8Array) => void;
  readonly onError: (error: Error) => void;
  active: boolean;
}

export class ChannelTransport {
  private readonly localSubscribers = new Map<string, LocalSubscriber>();
  /** Messages handed over in memory, delivered together on the next turn of the event loop. */
  private pending: Array<{ subscriber: LocalSubscriber; data: Uint8Array }> = [];

  constructor(private readonly nc: NatsConnection) {}

  /** The largest message the server takes; a local hand-over keeps to it too, so a job behaves the same wherever its subtasks run. */
  get maxPayload(): number {
    return this.nc.info?.max_payload ?? Infinity;
  }

  /** Listens on NATS (for producers elsewhere) and in memory (for producers in this thread). */
  subscribe(subject: string, onMessage: (data: Uint8Array) => void, onError: (error: Error) => void): ChannelSubscription {
    if (this.localSubscribers.has(subject)) throw new Error(`channel subject ${subject} has a subscriber in this thread already`);
    const subscriber: LocalSubscriber = { onMessage, onError, active: true };
    const remote: Subscription = this.nc.subscribe(subject, {
      callback: (error, msg) => {
        if (!subscriber.active) return;
        if (error) onError(error);
        else onMessage(msg.data);
      },
    });
    this.localSubscribers.set(subject, subscriber);
    return {
      unsubscribe: () => {
        if (!subscriber.active) return;
        subscriber.active = false;
        this.localSubscribers.delete(subject);
        remote.unsubscribe();
      },
    };
  }

  publish(subject: string, data: Uint8Array): void {
    const subscriber = this.localSubscribers.get(subject);
    if (!subscriber) return this.nc.publish(subject, data);
    // Never synchronously: the publisher may be in the middle of handling the subscriber's own message.
    if (this.pending.push({ subscriber, data }) === 1) setImmediate(this.deliverPending);
  }

  /** Resolves once the server has every subscription made so far. */
  flush(): Promise<void> {
    return this.nc.flush();
  }

  // setImmediate rather than a microtask: the event loop turns between hand-overs, so timers
  // and control messages are never starved by two subtasks feeding each other.
  private readonly deliverPending = (): void => {
    const deliveries = this.pending;
    this.pending = [];
    for (const { subscriber, data } of deliveries) {
      if (!subscriber.active) continue;
      try {
        subscriber.onMessage(data);
      } catch (error) {
        subscriber.onError(error as Error);
      }
    }
  };
}
