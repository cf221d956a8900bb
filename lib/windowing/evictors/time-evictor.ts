// Flink's TimeEvictor: keeps the elements within `windowSize` of the window's latest element
// timestamp; those at or before (latest - windowSize) go.
import { milliseconds, type TimeLength } from '../time-length.ts';
import type { Window } from '../windows/window.ts';
import { retain, type Evictor } from './evictor.ts';
import type { TimestampedValue } from './timestamped-value.ts';

export class TimeEvictor implements Evictor<unknown, Window> {
  private constructor(
    private readonly windowSize: number,
    private readonly doEvictAfter: boolean,
  ) {}

  /** Evicts before the window function, or after it with `doEvictAfter`. */
  static of(windowSize: TimeLength, doEvictAfter = false): TimeEvictor {
    return new TimeEvictor(milliseconds(windowSize, 'TimeEvictor.of'), doEvictAfter);
  }

  evictBefore(elements: TimestampedValue<unknown>[]): void {
    if (!this.doEvictAfter) this.evict(elements);
  }

  evictAfter(elements: TimestampedValue<unknown>[]): void {
    if (this.doEvictAfter) this.evict(elements);
  }

  /** Only elements with timestamps can be evicted by time (Flink checks the first). */
  private evict(elements: TimestampedValue<unknown>[]): void {
    if (elements.length === 0 || !elements[0]!.hasTimestamp()) return;
    const latest = Math.max(...elements.map((element) => element.timestamp!));
    const evictCutoff = latest - this.windowSize;
    retain(elements, (element) => element.timestamp! > evictCutoff);
  }

  toString(): string {
    return `TimeEvictor(${this.windowSize})`;
  }
}
