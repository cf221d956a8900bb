// Flink's StreamRecord: a value with an optional event timestamp, the unit operators pass
// along a chain. Allocation is the cost to avoid, so a sender may reuse one StreamRecord
// for all its output (`replace`), and a receiver therefore must neither keep nor mutate the
// record it was given: it reads `value` and `timestamp` while processing, and that is all.

export class StreamRecord<T> {
  value: T;
  /** Event time in ms since the epoch; undefined when the record has none. */
  timestamp: number | undefined;

  constructor(value: T, timestamp?: number) {
    this.value = value;
    this.timestamp = timestamp;
  }

  hasTimestamp(): boolean {
    return this.timestamp !== undefined;
  }

  /** Reuses this record for the next value; the timestamp is replaced too (cleared when omitted). */
  replace<X>(value: X, timestamp?: number): StreamRecord<X> {
    const record = this as unknown as StreamRecord<X>;
    record.value = value;
    record.timestamp = timestamp;
    return record;
  }
}
