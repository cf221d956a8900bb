// The client's end of executeAndCollect(): gathers what the job's collect sink sends on the
// job's results subject (see lib/operators/collect-sink-operator.ts). A restarted sink says
// which checkpoint it restored; what earlier attempts sent from that checkpoint's epoch on
// is dropped, since the new attempt sends it again, so every record is kept once.
import type { NatsConnection, Subscription } from 'nats';
import { decodeControl } from '../codec/control-codec.ts';
import type { CollectMessage } from '../operators/collect-sink-operator.ts';

interface Batch {
  attempt: number;
  epoch: number;
  records: unknown[];
}

export class CollectedResults {
  private batches: Batch[] = [];
  private count = 0;
  private latestAttempt = 0;
  private readonly subscription: Subscription;
  private endOfResults!: () => void;
  /** Resolves when the sink of the latest attempt has sent its last batch. */
  readonly ended = new Promise<void>((resolve) => { this.endOfResults = resolve; });

  /** `onLimit` runs once `limit` records are in. Subscribe before the job is submitted. */
  constructor(nc: NatsConnection, subject: string, private readonly limit: number | undefined, private readonly onLimit: () => void) {
    this.subscription = nc.subscribe(subject, { callback: (_error, msg) => this.receive(decodeControl<CollectMessage>(msg.data)) });
  }

  get limitReached(): boolean {
    return this.limit !== undefined && this.count >= this.limit;
  }

  /** The records in the order they were sent, at most `limit`. */
  records(): unknown[] {
    const all = this.batches.flatMap((batch) => batch.records);
    return this.limit === undefined ? all : all.slice(0, this.limit);
  }

  stop(): void {
    this.subscription.unsubscribe();
  }

  private receive(message: CollectMessage): void {
    this.latestAttempt = Math.max(this.latestAttempt, message.attempt);
    if ('restoredFrom' in message) {
      this.batches = this.batches.filter((batch) => batch.attempt >= message.attempt || batch.epoch < message.restoredFrom);
      this.count = this.batches.reduce((sum, batch) => sum + batch.records.length, 0);
    } else if ('end' in message) {
      if (message.attempt === this.latestAttempt) this.endOfResults();
    } else {
      const wasReached = this.limitReached;
      this.batches.push(message);
      this.count += message.records.length;
      if (this.limitReached && !wasReached) this.onLimit();
    }
  }
}
