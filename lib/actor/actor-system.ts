import { createInbox, nuid, type NatsConnection, type Subscription } from 'nats';
import { rootLogger, type Logger } from '../log/logger.ts';
import { ConnectionWatch } from '../nats/connection-watch.ts';
import { ActorCell } from './actor-cell.ts';
import { actorRef, type ActorRef } from './actor-ref.ts';
import type { ChildSpec } from './child-spec.ts';
import { DeadLetters, deadLettersSubject } from './dead-letters.ts';
import { decodeEnvelope, encodeEnvelope, type Envelope } from './envelope.ts';
import { MessageAssembler, toPublications } from './message-parts.ts';
import { NodeLiveness } from './node-liveness.ts';
import { defaultSupervisorStrategy, type SupervisorStrategy } from './supervisor-strategy.ts';
import { Supervisor } from './supervisor.ts';

export interface ActorSystemOptions {
  nc: NatsConnection;
  /** Cluster namespace, e.g. `default`: heartbeats go to `sluice.<name>.node.<nodeId>.heartbeat`. */
  name: string;
  /** How often this node sends its heartbeat. Default 500 ms. */
  heartbeatIntervalMs?: number;
  /** A watched actor's process counts as lost after this long without a heartbeat. Default 3000 ms. */
  heartbeatTimeoutMs?: number;
  /** How the guardian supervises top-level actors. Default: one_for_one, restart, 3 in 10 s. */
  guardianStrategy?: SupervisorStrategy;
  /** A failure escalated past the top-level actor; the actor is stopped afterwards. Default: log it. */
  onFatal?: (address: string, error: unknown) => void;
}

// One per process (per NATS connection): the guardian of the top-level actors, the node's
// heartbeat, the dead letters, and tell/ask, which always go over NATS, also between actors
// of this process.
export class ActorSystem {
  readonly nodeId = nuid.next();
  readonly nc: NatsConnection;
  readonly name: string;
  readonly log: Logger;
  readonly heartbeatTimeoutMs: number;
  readonly liveness: NodeLiveness;
  readonly deadLetters: DeadLetters;
  /** Interruptions of `nc`: who holds state that rests on messages in flight hears of each reconnect. */
  readonly connection: ConnectionWatch;
  private readonly guardian: Supervisor;
  /** A tell carries a reply subject under this prefix, so NATS reports one that reached nobody. */
  private readonly deadLettersPrefix: string;
  private readonly deadLetterReports: Subscription;

  private constructor(options: ActorSystemOptions) {
    this.nc = options.nc;
    this.name = options.name;
    this.log = rootLogger.child({ node: this.nodeId });
    this.heartbeatTimeoutMs = options.heartbeatTimeoutMs ?? 3000;
    this.liveness = new NodeLiveness(options.nc, options.name, this.nodeId, options.heartbeatIntervalMs ?? 500, this.heartbeatTimeoutMs);
    this.deadLetters = new DeadLetters(this.log);
    this.connection = new ConnectionWatch(options.nc, this.log);
    this.deadLettersPrefix = deadLettersSubject(options.name, this.nodeId);
    this.deadLetterReports = options.nc.subscribe(`${this.deadLettersPrefix}.>`, {
      callback: (_error, msg) => {
        if (msg.headers?.code !== 503) return; // only NATS's "no responders" status means nobody got it
        this.deadLetters.record({ recipient: msg.subject.slice(this.deadLettersPrefix.length + 1), reason: 'no actor listens there' });
      },
    });
    const onFatal = options.onFatal ?? ((address, error) => this.log.error('failure escalated to the guardian: stopping the actor', { address, error }));
    this.guardian = new Supervisor(`guardian of node ${this.nodeId}`, options.guardianStrategy ?? defaultSupervisorStrategy, (error, child) => {
      onFatal(child.address, error);
      void child.stop();
    });
  }

  static async start(options: ActorSystemOptions): Promise<ActorSystem> {
    const system = new ActorSystem(options);
    await options.nc.flush();
    return system;
  }

  /** A top-level actor under the guardian; resolves once the server has its subscription. */
  async spawn<M>(spec: ChildSpec<M>): Promise<ActorRef<M>> {
    const cell = new ActorCell(spec, this, this.guardian);
    await this.nc.flush();
    return cell.self;
  }

  /** Fire and forget; a message that reaches no actor is counted in `deadLetters`. */
  tell<T>(ref: ActorRef<T>, message: T): void {
    const publications = this.publicationsOf(ref.address, message);
    // One dead letter per message: only its first part asks NATS to report nobody listening.
    publications.forEach((bytes, i) => this.connection.publish(ref.address, bytes, i === 0 ? { reply: `${this.deadLettersPrefix}.${ref.address}` } : undefined));
  }

  /**
   * `build` gets the ref the answer must be told to; the target replies with
   * `ctx.tell(replyTo, answer)`. The request's reply subject is that inbox, so NATS answers
   * "no responders" at once when nothing listens on the address. A large answer arrives in
   * parts, gathered here.
   */
  ask<R, T>(ref: ActorRef<T>, build: (replyTo: ActorRef<R>) => T, timeoutMs: number): Promise<R> {
    const inbox = createInbox();
    const publications = this.publicationsOf(ref.address, build(actorRef<R>(inbox)));
    return new Promise<R>((resolve, reject) => {
      const parts = new MessageAssembler();
      let timer: NodeJS.Timeout | undefined;
      const settle = (outcome: () => void) => {
        clearTimeout(timer);
        subscription.unsubscribe();
        outcome();
      };
      const subscription = this.nc.subscribe(inbox, {
        callback: (_error, msg) => {
          if (msg.headers?.code === 503) return settle(() => reject(new Error(`no actor at ${ref.address}`)));
          let envelope = decodeEnvelope(msg.data);
          if (envelope.kind === 'part') {
            const whole = parts.add(envelope);
            if (!whole) return;
            envelope = decodeEnvelope(whole);
          }
          const { body } = envelope as Extract<Envelope, { kind: 'message' }>;
          settle(() => resolve(body as R));
        },
      });
      timer = setTimeout(() => settle(() => reject(new Error(`ask to ${ref.address} timed out after ${timeoutMs} ms`))), timeoutMs);
      try {
        publications.forEach((bytes, i) => this.nc.publish(ref.address, bytes, i === 0 ? { reply: inbox } : undefined));
      } catch (error) {
        settle(() => reject(error));
      }
    });
  }

  /** The message's envelope as it goes out: whole, or in parts when it exceeds the server's max payload. */
  private publicationsOf(address: string, message: unknown): Uint8Array[] {
    return toPublications(encodeMessage(address, message), this.nc.info?.max_payload ?? Infinity);
  }

  /** Stops an actor of this process (children first). From inside the actor use ctx.stopSelf(). */
  async stop(ref: ActorRef<unknown>): Promise<void> {
    const cell = this.findLocal(ref.address);
    if (!cell) throw new Error(`cannot stop ${ref.address}: no actor there in node ${this.nodeId}`);
    await cell.stop();
  }

  /** Stops every actor (children first, postStop runs) and the heartbeat; leaves nc open. */
  async shutdown(): Promise<void> {
    await this.guardian.stopChildren();
    this.liveness.stop();
    await this.nc.flush();
    this.deadLetterReports.unsubscribe();
  }

  findLocal(address: string, under: Supervisor = this.guardian): ActorCell<unknown> | undefined {
    for (const child of under.children.values()) {
      const found = child.address === address ? child : this.findLocal(address, child.supervisor);
      if (found) return found;
    }
    return undefined;
  }
}

function encodeMessage(address: string, message: unknown): Uint8Array {
  try {
    return encodeEnvelope({ kind: 'message', body: message });
  } catch (error) {
    throw new Error(`message to ${address} cannot be encoded: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}
