// A FIFO of messages for one actor, handled one at a time: the next message is taken only
// once the handler's promise settled. Suspended while the actor starts, restarts, has
// failed (awaiting its supervisor's decision) or stops; messages keep queueing meanwhile.
export class Mailbox<M> {
  private readonly queue: M[] = [];
  private suspended = true;
  private draining: Promise<void> | undefined;

  /** `handle` must not reject: the actor cell turns failures into supervision. */
  constructor(private readonly handle: (message: M) => Promise<void>) {}

  enqueue(message: M): void {
    this.queue.push(message);
    this.schedule();
  }

  suspend(): void {
    this.suspended = true;
  }

  resume(): void {
    this.suspended = false;
    this.schedule();
  }

  /** Settles once no handler is running. */
  idle(): Promise<void> {
    return this.draining ?? Promise.resolve();
  }

  /** Takes out the messages that will never be handled. */
  discard(): M[] {
    return this.queue.splice(0);
  }

  private schedule(): void {
    if (this.draining || this.suspended || this.queue.length === 0) return;
    this.draining = this.drain().finally(() => {
      this.draining = undefined;
      this.schedule(); // a message may have arrived between the loop's end and here
    });
  }

  private async drain(): Promise<void> {
    while (!this.suspended && this.queue.length > 0) await this.handle(this.queue.shift()!);
  }
}
