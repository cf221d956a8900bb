import type { Logger } from '../log/logger.ts';
import type { ActorRef } from './actor-ref.ts';
import type { ActorSystem } from './actor-system.ts';
import type { ChildSpec } from './child-spec.ts';
import type { TerminationMessage } from './death-watch.ts';

// An actor handles one message at a time, in arrival order (an async handler is awaited
// before the next message). A handler that throws or rejects does not catch its own
// failure: its parent's SupervisorStrategy decides what happens next.
export interface Actor<M> {
  receive(message: M, ctx: ActorContext<M>): void | Promise<void>;
  preStart?(ctx: ActorContext<M>): void | Promise<void>;
  postStop?(ctx: ActorContext<M>): void | Promise<void>;
}

export interface ActorContext<M> {
  readonly self: ActorRef<M>;
  readonly system: ActorSystem;
  /** Child logger with `{ address }`. */
  readonly log: Logger;
  /** Starts a child supervised by this actor (by this actor's ChildSpec.supervisorStrategy). */
  spawn<C>(spec: ChildSpec<C>): ActorRef<C>;
  stopChild(ref: ActorRef<unknown>): Promise<void>;
  /** Stops this actor after the current message (a permanent child is then restarted, as OTP). */
  stopSelf(): void;
  tell<T>(ref: ActorRef<T>, message: T): void;
  ask<R, T>(ref: ActorRef<T>, build: (replyTo: ActorRef<R>) => T, timeoutMs: number): Promise<R>;
  /**
   * Death watch: `message` arrives in this mailbox when `ref` stops, is not found, or its
   * process is lost. Given a function instead, the message is built from that Termination.
   */
  watchWith<T>(ref: ActorRef<T>, message: TerminationMessage<M>): void;
  unwatch(ref: ActorRef<unknown>): void;
}
