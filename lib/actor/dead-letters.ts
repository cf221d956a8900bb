import type { Logger } from '../log/logger.ts';

/** Where NATS reports (with a 503 "no responders" status) a tell that reached no actor. */
export function deadLettersSubject(cluster: string, nodeId: string): string {
  return `sluice.${cluster}.node.${nodeId}.dead-letters`;
}

/** A message that reached no actor. */
export interface DeadLetter {
  recipient: string;
  reason: string;
}

/** Dead letters are logged at most once per this interval, with how many were not logged before it. */
const logIntervalMs = 10_000;

// Messages that reached no actor, as Akka's dead letters: told to an address where nothing
// listens (an actor that never existed or already stopped), or left in the mailbox of an
// actor that stopped. They are counted, offered to subscribers, and logged rate-limited, so
// a lost message is never silent and a flood of them does not flood the log.
export class DeadLetters {
  private total = 0;
  private unlogged = 0;
  private lastLoggedAt = -Infinity;
  private readonly listeners = new Set<(letter: DeadLetter) => void>();

  constructor(private readonly log: Logger) {}

  /** How many messages reached no actor since the system started. */
  get count(): number {
    return this.total;
  }

  record(letter: DeadLetter): void {
    this.total++;
    for (const listener of this.listeners) listener(letter);
    const now = Date.now();
    if (now - this.lastLoggedAt < logIntervalMs) {
      this.unlogged++;
      return;
    }
    this.log.info('dead letter', { ...letter, notLoggedBefore: this.unlogged });
    this.lastLoggedAt = now;
    this.unlogged = 0;
  }

  /** `listener` sees every dead letter from now on; the returned function unsubscribes. */
  subscribe(listener: (letter: DeadLetter) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
