// A FIFO of messages for one actor, handled one at a time: the next message is taken only
// once the handler's promise settled. Suspended while the actor starts, restarts, has
// failed (awaiting its supervisor's decision) or stops; messages keep queueing meanwhile.
export class Mailbox<M> {
  private readonly queue: M[] = [];
  private suspended = true;
  private draining: Promise<void> | undefined;
  /** Bumped by abandon(): a drain loop of an earlier generation ends at its next step. */
  private generation = 0;

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

  /** Forgets a handler that never settles (its instance was stopped by force), so it blocks no later one. */
  abandon(): void {
    this.generation++;
    this.draining = undefined;
  }

  /** Takes out the messages that will never be handled. */
  discard(): M[] {
    return this.queue.splice(0);
  }

  private schedule(): void {
    if (this.draining || this.suspended || this.queue.length === 0) return;
    const generation = this.generation;
    this.draining = this.drain(generation).finally(() => {
      if (generation !== this.generation) return;
      this.draining = undefined;
      this.schedule(); // a message may have arrived between the loop's end and here
    });
  }

  private async drain(generation: number): Promise<void> {
    while (generation === this.generation && !this.suspended && this.queue.length > 0) await this.handle(this.queue.shift()!);
  }
}
