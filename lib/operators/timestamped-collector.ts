// Flink's TimestampedCollector: the Collector a user function emits into. What it emits
// carries the timestamp of the input record being processed; one StreamRecord is reused.
import type { Collector } from '../functions/functions.ts';
import type { Output } from './stream-operator.ts';
import { StreamRecord } from './stream-record.ts';

export class TimestampedCollector<T> implements Collector<T> {
  private readonly reuse = new StreamRecord<T>(undefined as T);
  private timestamp: number | undefined;

  constructor(private readonly output: Output<T>) {}

  /** Emits what follows with this input record's timestamp (or none, when it has none). */
  setTimestampFrom(record: StreamRecord<unknown>): void {
    this.timestamp = record.timestamp;
  }

  /** Emits what follows with this timestamp (an event-time timer's, a window's end - 1, a joined pair's). */
  setAbsoluteTimestamp(timestamp: number): void {
    this.timestamp = timestamp;
  }

  /** Emits what follows without a timestamp (a processing-time timer's output). */
  eraseTimestamp(): void {
    this.timestamp = undefined;
  }

  collect(value: T): void {
    this.output.collect(this.reuse.replace(value, this.timestamp));
  }
}
