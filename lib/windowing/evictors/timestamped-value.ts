// Flink's TimestampedValue: an element of a window as an evictor sees it, with its timestamp.

export class TimestampedValue<T> {
  constructor(
    readonly value: T,
    /** Undefined for an element without a timestamp. */
    readonly timestamp?: number,
  ) {}

  getValue(): T {
    return this.value;
  }

  getTimestamp(): number | undefined {
    return this.timestamp;
  }

  hasTimestamp(): boolean {
    return this.timestamp !== undefined;
  }
}
