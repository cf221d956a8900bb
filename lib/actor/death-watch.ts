import { ErrorCode, type NatsError } from 'nats';
import type { Logger } from '../log/logger.ts';
import type { ActorRef } from './actor-ref.ts';
import type { ActorSystem } from './actor-system.ts';
import { decodeEnvelope, encodeEnvelope, type WatchAck } from './envelope.ts';
import type { Termination } from './termination.ts';

/** What the watcher gets when the watched actor is gone: a fixed message, or one built from how it ended. */
export type TerminationMessage<M> = M | ((termination: Termination) => M);

interface Watch<M> {
  message: TerminationMessage<M>;
  stopMonitoringNode?: () => void;
}

// Death watch for one actor, both ways: the actors it watches (a message lands in its
// mailbox when one is gone: stopped, not there, or its process silent) and its watchers
// (told when it stops). A watch on another process rests on that node's heartbeat.
export class DeathWatch<M> {
  /** Addresses to tell when this actor stops. */
  private readonly watchers = new Set<string>();
  /** Actors this one watches, with the message to deliver when they are gone. */
  private readonly watching = new Map<string, Watch<M>>();

  constructor(
    private readonly address: string,
    private readonly system: ActorSystem,
    private readonly log: Logger,
    private readonly deliver: (message: M) => void,
  ) {}

  watchWith(ref: ActorRef<unknown>, message: TerminationMessage<M>): void {
    this.unwatch(ref);
    const watch: Watch<M> = { message };
    this.watching.set(ref.address, watch);
    void this.handshake(ref.address).then((nodeId) => {
      if (this.watching.get(ref.address) !== watch) return; // unwatched or already terminated meanwhile
      if (nodeId === undefined) this.terminated(ref.address, { kind: 'not-found' });
      else if (nodeId !== this.system.nodeId) {
        watch.stopMonitoringNode = this.system.liveness.watchNode(nodeId, (silentForMs) => this.terminated(ref.address, { kind: 'node-lost', silentForMs }));
      }
    });
  }

  unwatch(ref: ActorRef<unknown>): void {
    const watch = this.watching.get(ref.address);
    if (!watch) return;
    this.watching.delete(ref.address);
    watch.stopMonitoringNode?.();
    this.system.connection.publish(ref.address, encodeEnvelope({ kind: 'unwatch', watcher: this.address }));
  }

  /** An instance ends: its watches end with it (watchers stay, they watch the actor). */
  unwatchAll(): void {
    for (const address of [...this.watching.keys()]) this.unwatch({ address });
  }

  addWatcher(watcher: string): void {
    this.watchers.add(watcher);
  }

  removeWatcher(watcher: string): void {
    this.watchers.delete(watcher);
  }

  /** This actor stopped: each watcher is told once. */
  notifyWatchers(): void {
    for (const watcher of this.watchers) this.system.connection.publish(watcher, encodeEnvelope({ kind: 'terminated', address: this.address }));
    this.watchers.clear();
  }

  terminated(address: string, termination: Termination): void {
    const watch = this.watching.get(address);
    if (!watch) return;
    this.watching.delete(address);
    watch.stopMonitoringNode?.();
    this.deliver(typeof watch.message === 'function' ? (watch.message as (termination: Termination) => M)(termination) : watch.message);
  }

  /** Asks the target to watch it; its node id, or undefined when there is no actor there. */
  private async handshake(target: string): Promise<string | undefined> {
    try {
      const reply = await this.system.nc.request(target, encodeEnvelope({ kind: 'watch', watcher: this.address }), { timeout: this.system.heartbeatTimeoutMs });
      return decodeEnvelope<WatchAck>(reply.data).nodeId;
    } catch (error) {
      if ((error as NatsError).code !== ErrorCode.NoResponders) this.log.warn('watch handshake failed: treating the target as gone', { target, error });
      return undefined;
    }
  }
}
