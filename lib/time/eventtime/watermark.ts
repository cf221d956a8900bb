// Flink's eventtime Watermark: what a WatermarkGenerator emits. Event time up to and including
// its timestamp is complete. Sluice's bounds are -Infinity and +Infinity (see operators/watermark.ts).
import { MAX_WATERMARK } from '../../operators/watermark.ts';

export class Watermark {
  /** The end of event time: every window and timer fires. */
  static readonly MAX_WATERMARK = new Watermark(MAX_WATERMARK);

  constructor(private readonly timestamp: number) {}

  getTimestamp(): number {
    return this.timestamp;
  }

  toString(): string {
    return `Watermark @ ${this.timestamp}`;
  }
}
