// Watches one NATS connection for interruptions. nats.js reconnects by itself and
// re-establishes every subscription, but NATS core delivers at most once: whatever was in
// flight to or from this connection while it was down (data batches, credit grants, actor
// messages) is gone, and nothing else says so. Every message loss comes with a disconnect of
// the sender's or the receiver's connection (a server restart disconnects all of them, and
// the server closes a slow consumer's connection), so the owner of each connection hears of
// each reconnect and decides what may have been lost.
//
// nats.js also discards what is published while it reconnects. Messages that a process's
// own actors depend on (a tell to itself, a termination notice) must survive its own
// outage, so they wait here and go out right after the reconnect.
import { Events, type NatsConnection, type PublishOptions } from 'nats';
import type { Logger } from '../log/logger.ts';

export type ReconnectListener = (server: string) => void;

export class ConnectionWatch {
  private disconnects = 0;
  private connected = true;
  private readonly listeners = new Set<ReconnectListener>();
  private held: Array<[subject: string, data: Uint8Array, options?: PublishOptions]> = [];

  /** The iteration ends when the connection closes. */
  constructor(private readonly nc: NatsConnection, private readonly log: Logger) {
    void (async () => {
      for await (const status of nc.status()) {
        if (status.type === Events.Disconnect) this.disconnected(String(status.data));
        else if (status.type === Events.Reconnect) this.reconnected(String(status.data));
      }
    })();
  }

  /** How many times the connection was lost so far: a caller compares two readings to learn whether it was lost in between. */
  get interruptions(): number {
    return this.disconnects;
  }

  get isConnected(): boolean {
    return this.connected;
  }

  /** Publishes now or, while disconnected, right after the reconnect. */
  publish(subject: string, data: Uint8Array, options?: PublishOptions): void {
    if (this.connected) this.nc.publish(subject, data, options);
    else this.held.push([subject, data, options]);
  }

  /** Calls `listener` after each reconnect, with the server; the returned function stops that. */
  onReconnect(listener: ReconnectListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private disconnected(server: string): void {
    this.disconnects++;
    this.connected = false;
    this.log.warn('NATS connection lost: reconnecting', { server });
  }

  private reconnected(server: string): void {
    this.connected = true;
    this.log.warn('NATS connection re-established: messages in flight while it was down may be lost', { server, heldMessages: this.held.length });
    const held = this.held;
    this.held = [];
    for (const [subject, data, options] of held) this.nc.publish(subject, data, options);
    for (const listener of [...this.listeners]) listener(server);
  }
}
