import { ErrorCode, type Msg, type NatsError, type Subscription } from 'nats';
import type { Logger } from '../log/logger.ts';
import type { Actor, ActorContext } from './actor.ts';
import { actorRef, type ActorRef } from './actor-ref.ts';
import type { ActorSystem } from './actor-system.ts';
import type { ChildSpec } from './child-spec.ts';
import { decodeEnvelope, encodeEnvelope, type Envelope, type WatchAck } from './envelope.ts';
import { Mailbox } from './mailbox.ts';
import { defaultSupervisorStrategy } from './supervisor-strategy.ts';
import { Supervisor } from './supervisor.ts';

interface Watch<M> {
  message: M;
  stopMonitoringNode?: () => void;
}

// The runtime around one actor: its subscription, mailbox, current instance, children,
// watchers and watches. It is also the ActorContext its instance sees. Lifecycle changes
// (start, restart, resume, stop) run one after another, so they never interleave.
export class ActorCell<M> implements ActorContext<M> {
  readonly self: ActorRef<M>;
  readonly address: string;
  readonly log: Logger;
  readonly supervisor: Supervisor;
  private actor: Actor<M> | undefined;
  private readonly mailbox = new Mailbox<M>((message) => this.handle(message));
  private readonly subscription: Subscription;
  /** Addresses to tell when this actor stops. */
  private readonly watchers = new Set<string>();
  /** Actors this one watches, with the message to deliver when they are gone. */
  private readonly watching = new Map<string, Watch<M>>();
  private stopRequested = false;
  private stopped = false;
  private lifecycle: Promise<void> = Promise.resolve();

  constructor(readonly spec: ChildSpec<M>, readonly system: ActorSystem, private readonly parent: Supervisor) {
    if (system.findLocal(spec.address)) {
      throw new Error(`cannot spawn '${spec.id}': an actor already listens on ${spec.address} in node ${system.nodeId}`);
    }
    this.address = spec.address;
    this.self = actorRef(spec.address);
    this.log = system.log.child({ address: spec.address });
    this.supervisor = new Supervisor(spec.address, spec.supervisorStrategy ?? defaultSupervisorStrategy, (error) => this.fail(error));
    this.subscription = system.nc.subscribe(spec.address, { callback: (_error, msg) => this.onMessage(msg) });
    parent.children.set(spec.address, this);
    void this.serialize(() => this.startInstance());
  }

  // ---- ActorContext ----

  spawn<C>(spec: ChildSpec<C>): ActorRef<C> {
    if (this.stopped) throw new Error(`actor ${this.address} is stopped: cannot spawn '${spec.id}'`);
    return new ActorCell(spec, this.system, this.supervisor).self;
  }

  async stopChild(ref: ActorRef<unknown>): Promise<void> {
    const child = this.supervisor.children.get(ref.address);
    if (!child) throw new Error(`actor ${this.address} has no child at ${ref.address}`);
    await child.stop();
  }

  stopSelf(): void {
    this.stopRequested = true;
  }

  tell<T>(ref: ActorRef<T>, message: T): void {
    this.system.tell(ref, message);
  }

  ask<R, T>(ref: ActorRef<T>, build: (replyTo: ActorRef<R>) => T, timeoutMs: number): Promise<R> {
    return this.system.ask(ref, build, timeoutMs);
  }

  watchWith<T>(ref: ActorRef<T>, message: M): void {
    this.unwatch(ref);
    const watch: Watch<M> = { message };
    this.watching.set(ref.address, watch);
    void this.handshake(ref.address).then((nodeId) => {
      if (this.watching.get(ref.address) !== watch) return; // unwatched or already terminated meanwhile
      if (nodeId === undefined) this.watchedTerminated(ref.address);
      else if (nodeId !== this.system.nodeId) {
        watch.stopMonitoringNode = this.system.liveness.watchNode(nodeId, () => this.watchedTerminated(ref.address));
      }
    });
  }

  unwatch(ref: ActorRef<unknown>): void {
    const watch = this.watching.get(ref.address);
    if (!watch) return;
    this.watching.delete(ref.address);
    watch.stopMonitoringNode?.();
    this.system.nc.publish(ref.address, encodeEnvelope({ kind: 'unwatch', watcher: this.address }));
  }

  // ---- lifecycle, driven by the supervisor ----

  restart(): Promise<void> {
    return this.serialize(async () => {
      await this.retire();
      this.log.info('actor restarting');
      await this.startInstance();
    });
  }

  /** Resumes this actor and, as in Akka, the children it suspended by escalating. */
  resume(): Promise<void> {
    return this.serialize(async () => {
      for (const child of this.supervisor.children.values()) await child.resume();
      this.mailbox.resume();
    });
  }

  /** Children first, then postStop, then watchers are told. From inside the actor use stopSelf(). */
  stop(): Promise<void> {
    return this.serialize(async () => {
      await this.retire();
      this.stopped = true;
      this.subscription.unsubscribe();
      const dropped = this.mailbox.discard();
      if (dropped.length > 0) this.log.debug('stopped with unhandled messages', { count: dropped.length });
      for (const watcher of this.watchers) this.system.nc.publish(watcher, encodeEnvelope({ kind: 'terminated', address: this.address }));
      this.parent.children.delete(this.address);
      this.log.info('actor stopped');
    });
  }

  /** The handler failed: stop taking messages until the supervisor decides. */
  fail(error: unknown): void {
    this.mailbox.suspend();
    this.parent.childFailed(this, error).catch((supervisionError) => this.log.error('supervision failed', { error: supervisionError }));
  }

  // ---- internals ----

  private serialize(change: () => Promise<void>): Promise<void> {
    const next = this.lifecycle.then(() => (this.stopped ? undefined : change()));
    this.lifecycle = next.catch((error) => this.log.error('lifecycle change failed', { error }));
    return next;
  }

  private async startInstance(): Promise<void> {
    this.stopRequested = false;
    try {
      this.actor = this.spec.start();
      await this.actor.preStart?.(this);
    } catch (error) {
      this.fail(error);
      return;
    }
    if (!this.stopIfRequested()) this.mailbox.resume();
  }

  /** Ends the current instance: children stopped, postStop run, watches dropped; the mailbox stays. */
  private async retire(): Promise<void> {
    this.mailbox.suspend();
    await this.mailbox.idle();
    await this.supervisor.stopChildren();
    this.supervisor.forgetRestarts();
    try {
      await this.actor?.postStop?.(this);
    } catch (error) {
      this.log.warn('postStop failed', { error });
    }
    for (const address of [...this.watching.keys()]) this.unwatch(actorRef(address));
  }

  private async handle(message: M): Promise<void> {
    try {
      await this.actor!.receive(message, this);
    } catch (error) {
      this.fail(error);
      return;
    }
    this.stopIfRequested();
  }

  private stopIfRequested(): boolean {
    if (!this.stopRequested) return false;
    this.stopRequested = false;
    this.mailbox.suspend();
    this.parent.childStoppedItself(this).catch((error) => this.log.error('supervision failed', { error }));
    return true;
  }

  private onMessage(msg: Msg): void {
    let envelope: Envelope;
    try {
      envelope = decodeEnvelope(msg.data);
    } catch (error) {
      this.log.warn('cannot decode message', { error, bytes: msg.data.length });
      return;
    }
    switch (envelope.kind) {
      case 'message': return this.mailbox.enqueue(envelope.body as M);
      case 'watch':
        this.watchers.add(envelope.watcher);
        msg.respond(encodeEnvelope({ nodeId: this.system.nodeId }));
        return;
      case 'unwatch': this.watchers.delete(envelope.watcher); return;
      case 'terminated': return this.watchedTerminated(envelope.address);
      default: this.log.warn('unknown envelope', { kind: (envelope as { kind: unknown }).kind });
    }
  }

  /** Asks the target to watch it; its node id, or undefined when there is no actor there. */
  private async handshake(target: string): Promise<string | undefined> {
    try {
      const reply = await this.system.nc.request(target, encodeEnvelope({ kind: 'watch', watcher: this.address }), { timeout: this.system.lossTimeoutMs });
      return decodeEnvelope<WatchAck>(reply.data).nodeId;
    } catch (error) {
      if ((error as NatsError).code !== ErrorCode.NoResponders) this.log.warn('watch handshake failed: treating the target as gone', { target, error });
      return undefined;
    }
  }

  private watchedTerminated(address: string): void {
    const watch = this.watching.get(address);
    if (!watch) return;
    this.watching.delete(address);
    watch.stopMonitoringNode?.();
    this.mailbox.enqueue(watch.message);
  }
}
