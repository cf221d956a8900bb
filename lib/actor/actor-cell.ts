import type { Msg, Subscription } from 'nats';
import type { Logger } from '../log/logger.ts';
import type { Actor, ActorContext } from './actor.ts';
import { actorRef, type ActorRef } from './actor-ref.ts';
import type { ActorSystem } from './actor-system.ts';
import { defaultShutdownMs, type ChildSpec } from './child-spec.ts';
import { DeathWatch, type TerminationMessage } from './death-watch.ts';
import { decodeEnvelope, encodeEnvelope, type Envelope } from './envelope.ts';
import { MessageAssembler } from './message-parts.ts';
import { Mailbox } from './mailbox.ts';
import { defaultSupervisorStrategy } from './supervisor-strategy.ts';
import { Supervisor } from './supervisor.ts';
import { settlesWithin } from './settles-within.ts';

// The runtime around one actor: its subscription, mailbox, current instance, children and
// death watch. It is also the ActorContext its instance sees. Each instance is an
// incarnation (OTP would say a new process): a failure reported by an earlier one is stale,
// and the supervisor ignores it. Lifecycle changes (start, stop of an instance, resume,
// stop) run one after another, so they never interleave; an instance's own part of ending
// (its running handler, its postStop) takes at most the spec's shutdownMs.
export class ActorCell<M> implements ActorContext<M> {
  readonly self: ActorRef<M>;
  readonly address: string;
  readonly log: Logger;
  readonly supervisor: Supervisor;
  private actor: Actor<M> | undefined;
  private currentIncarnation = 0;
  private readonly mailbox = new Mailbox<M>((message) => this.handle(message));
  /** Messages too large for one NATS message arrive in parts (see message-parts.ts). */
  private readonly parts = new MessageAssembler();
  private readonly deathWatch: DeathWatch<M>;
  private readonly subscription: Subscription;
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
    this.deathWatch = new DeathWatch(spec.address, system, this.log, (message) => this.mailbox.enqueue(message));
    this.subscription = system.nc.subscribe(spec.address, { callback: (_error, msg) => this.onMessage(msg) });
    parent.children.set(spec.address, this);
    void this.start();
  }

  /** Which instance is current: 1 for the first, one more for each start after a restart. */
  get incarnation(): number {
    return this.currentIncarnation;
  }

  private get shutdownMs(): number {
    return this.spec.shutdownMs ?? defaultShutdownMs;
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

  watchWith<T>(ref: ActorRef<T>, message: TerminationMessage<M>): void {
    this.deathWatch.watchWith(ref, message);
  }

  unwatch(ref: ActorRef<unknown>): void {
    this.deathWatch.unwatch(ref);
  }

  // ---- lifecycle, driven by the supervisor ----

  /** Starts the next incarnation: a new instance from the spec, its preStart, then its mailbox. */
  start(): Promise<void> {
    return this.serialize(() => this.startInstance());
  }

  /** Ends the current incarnation; the subscription and the mailbox stay for the next one. */
  stopInstance(): Promise<void> {
    return this.serialize(() => this.retire());
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
      this.close();
    });
  }

  /** An instance failed (by default the current one): its supervisor decides. */
  fail(error: unknown, incarnation = this.currentIncarnation): void {
    if (incarnation === this.currentIncarnation) this.mailbox.suspend();
    this.parent.childFailed(this, incarnation, error);
  }

  // ---- internals ----

  private serialize(change: () => Promise<void>): Promise<void> {
    const next = this.lifecycle.then(() => (this.stopped ? undefined : change()));
    this.lifecycle = next.catch((error) => this.log.error('lifecycle change failed', { error }));
    return next;
  }

  private async startInstance(): Promise<void> {
    const incarnation = ++this.currentIncarnation;
    this.stopRequested = false;
    try {
      this.actor = this.spec.start();
      await this.actor.preStart?.(this);
    } catch (error) {
      this.fail(error, incarnation);
      return;
    }
    if (!this.stopIfRequested(incarnation)) this.mailbox.resume();
  }

  /**
   * Ends the current instance: lets its running handler finish, stops its children (each
   * within its own shutdownMs), runs its postStop. The instance's own part (handler and
   * postStop) gets shutdownMs; past it the instance is left behind, as OTP's kill after
   * `shutdown`: a hung handler gets no postStop, a hung postStop is not awaited.
   */
  private async retire(): Promise<void> {
    const instance = this.actor;
    this.mailbox.suspend();
    const waitStarted = Date.now();
    const handlerFinished = await settlesWithin(this.mailbox.idle(), this.shutdownMs);
    const budgetLeft = this.shutdownMs - (Date.now() - waitStarted);
    if (!handlerFinished) this.mailbox.abandon();
    await this.supervisor.stopChildren();
    this.supervisor.forgetRestarts();
    if (!handlerFinished) {
      this.log.warn(`actor did not stop within ${this.shutdownMs} ms: its running handler is abandoned, and postStop skipped`);
    } else if (!(await settlesWithin(this.runPostStop(instance), budgetLeft))) {
      this.log.warn(`actor did not stop within ${this.shutdownMs} ms: its postStop is abandoned`);
    }
    this.actor = undefined;
    this.deathWatch.unwatchAll();
  }

  private async runPostStop(instance: Actor<M> | undefined): Promise<void> {
    try {
      await instance?.postStop?.(this);
    } catch (error) {
      this.log.warn('postStop failed', { error });
    }
  }

  /** The end of a stop: no more messages (those still queued are dead letters), watchers are told. */
  private close(): void {
    this.stopped = true;
    this.subscription.unsubscribe();
    for (const _ of this.mailbox.discard()) this.system.deadLetters.record({ recipient: this.address, reason: 'its actor stopped before handling it' });
    this.deathWatch.notifyWatchers();
    this.parent.children.delete(this.address);
    this.log.info('actor stopped');
  }

  private async handle(message: M): Promise<void> {
    const incarnation = this.currentIncarnation;
    try {
      await this.actor!.receive(message, this);
    } catch (error) {
      this.fail(error, incarnation);
      return;
    }
    if (incarnation === this.currentIncarnation) this.stopIfRequested(incarnation);
  }

  private stopIfRequested(incarnation: number): boolean {
    if (!this.stopRequested) return false;
    this.stopRequested = false;
    this.mailbox.suspend();
    this.parent.childStoppedItself(this, incarnation);
    return true;
  }

  private onMessage(msg: Msg, data: Uint8Array = msg.data): void {
    let envelope: Envelope;
    try {
      envelope = decodeEnvelope(data);
    } catch (error) {
      this.log.warn('cannot decode message', { error, bytes: data.length });
      return;
    }
    switch (envelope.kind) {
      case 'part': {
        const whole = this.parts.add(envelope);
        if (whole) this.onMessage(msg, whole);
        return;
      }
      case 'message': return this.mailbox.enqueue(envelope.body as M);
      case 'watch':
        this.deathWatch.addWatcher(envelope.watcher);
        msg.respond(encodeEnvelope({ nodeId: this.system.nodeId }));
        return;
      case 'unwatch': return this.deathWatch.removeWatcher(envelope.watcher);
      case 'terminated': return this.deathWatch.terminated(envelope.address, { kind: 'stopped' });
      default: this.log.warn('unknown envelope', { kind: (envelope as { kind: unknown }).kind });
    }
  }
}
