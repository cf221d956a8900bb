// Flink's CountEvictor: keeps the last `maxCount` elements of a window.
import type { Window } from '../windows/window.ts';
import type { Evictor } from './evictor.ts';
import type { TimestampedValue } from './timestamped-value.ts';

export class CountEvictor implements Evictor<unknown, Window> {
  private constructor(
    private readonly maxCount: number,
    private readonly doEvictAfter: boolean,
  ) {}

  /** Evicts before the window function, or after it with `doEvictAfter`. */
  static of(maxCount: number, doEvictAfter = false): CountEvictor {
    if (!Number.isInteger(maxCount) || maxCount < 0) throw new Error(`CountEvictor.of: the count must be a non-negative integer (got ${maxCount})`);
    return new CountEvictor(maxCount, doEvictAfter);
  }

  evictBefore(elements: TimestampedValue<unknown>[], size: number): void {
    if (!this.doEvictAfter) this.evict(elements, size);
  }

  evictAfter(elements: TimestampedValue<unknown>[], size: number): void {
    if (this.doEvictAfter) this.evict(elements, size);
  }

  private evict(elements: TimestampedValue<unknown>[], size: number): void {
    if (size > this.maxCount) elements.splice(0, size - this.maxCount);
  }

  toString(): string {
    return `CountEvictor(${this.maxCount})`;
  }
}
