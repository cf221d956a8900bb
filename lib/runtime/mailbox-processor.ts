// Flink's MailboxProcessor: the one loop of a StreamTask. Mails (timers, checkpoint
// triggers and notifications, submitted from anywhere in the task's thread) and the
// default action (taking the next input message) run one at a time, mails first, so an
// operator never sees two of them interleave. A mail that returns a promise is awaited
// before anything else runs. When the default action has nothing to do it suspends
// itself until a promise (input available, output writable) settles; new mail still runs
// meanwhile. While I/O the task started must complete in the background (an asynchronous
// snapshot's read-out), a loop that always has input gives the event loop a turn every few
// milliseconds, so that the I/O's callbacks run.

import type { MailboxExecutor } from '../operators/stream-operator.ts';

export type Mail = () => void | Promise<void>;

export interface MailboxController {
  /** Runs no default action until `resume` settles (mails still run). */
  suspendDefaultAction(resume: Promise<unknown>): void;
  /** Ends the loop once the mails queued so far have run. */
  allActionsCompleted(): void;
}

/** One step of the task's work; it must not block: it suspends itself instead. */
export type MailboxDefaultAction = (controller: MailboxController) => void;

export interface MailboxProcessorOptions {
  /** Called when the loop is about to wait: the task has nothing left to do for now. */
  onIdle?(): void;
}

/** While background I/O is pending: how long the loop runs before the event loop gets a turn. */
const eventLoopTurnIntervalMs = 10;

export class MailboxProcessor implements MailboxController, MailboxExecutor {
  private readonly mails: Array<{ mail: Mail; description: string }> = [];
  /** Background I/O not settled yet. */
  private pendingIo = 0;
  private suspendedUntil?: Promise<unknown>;
  private completed = false;
  private closed = false;
  private wakeUp?: () => void;

  constructor(
    private readonly defaultAction: MailboxDefaultAction,
    private readonly options: MailboxProcessorOptions = {},
  ) {}

  /** Queues a mail; it runs after the mails before it, never inside another mail or step. */
  submit(mail: Mail, description: string): void {
    if (this.closed) return;
    this.mails.push({ mail, description });
    this.wake();
  }

  suspendDefaultAction(resume: Promise<unknown>): void {
    const suspension = resume.then(() => {
      if (this.suspendedUntil === suspension) this.suspendedUntil = undefined;
      this.wake();
    }, () => this.wake());
    this.suspendedUntil = suspension;
  }

  /** Until `io` settles, the loop lets the event loop turn every few milliseconds even when it always has input. */
  yieldUntil(io: Promise<unknown>): void {
    this.pendingIo++;
    const settled = () => { this.pendingIo--; };
    io.then(settled, settled);
  }

  allActionsCompleted(): void {
    this.completed = true;
    this.wake();
  }

  /** Drops the mails not yet run and ends the loop (cancellation). */
  close(): void {
    this.closed = true;
    this.mails.length = 0;
    this.allActionsCompleted();
  }

  /** Runs until allActionsCompleted() (then the queued mails first) or close(); rejects with the first failure. */
  async runMailboxLoop(): Promise<void> {
    let lastTurn = performance.now();
    for (;;) {
      while (this.mails.length > 0) {
        const { mail, description } = this.mails.shift()!;
        try {
          const pending = mail();
          if (pending) await pending;
        } catch (error) {
          throw new Error(`${description}: ${(error as Error).message}`, { cause: error });
        }
      }
      if (this.completed) return;
      if (this.suspendedUntil) {
        this.options.onIdle?.();
        await this.nextWakeUp();
        lastTurn = performance.now();
        continue;
      }
      if (this.pendingIo > 0 && performance.now() - lastTurn > eventLoopTurnIntervalMs) {
        await new Promise(setImmediate);
        lastTurn = performance.now();
        continue;
      }
      this.defaultAction(this);
    }
  }

  private nextWakeUp(): Promise<void> {
    return new Promise((resolve) => { this.wakeUp = resolve; });
  }

  private wake(): void {
    const wakeUp = this.wakeUp;
    this.wakeUp = undefined;
    wakeUp?.();
  }
}
