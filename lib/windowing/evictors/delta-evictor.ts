// Flink's DeltaEvictor: evicts the elements whose delta to the window's last element is at
// least `threshold`.
import type { Window } from '../windows/window.ts';
import { retain, type Evictor } from './evictor.ts';
import type { TimestampedValue } from './timestamped-value.ts';

/** Flink's DeltaFunction: a distance between two elements. */
export interface DeltaFunction<T> {
  getDelta(oldDataPoint: T, newDataPoint: T): number;
}

export class DeltaEvictor<T> implements Evictor<T, Window> {
  private readonly getDelta: (oldDataPoint: T, newDataPoint: T) => number;

  private constructor(
    private readonly threshold: number,
    deltaFunction: DeltaFunction<T> | ((oldDataPoint: T, newDataPoint: T) => number),
    private readonly doEvictAfter: boolean,
  ) {
    this.getDelta = typeof deltaFunction === 'function' ? deltaFunction : (a, b) => deltaFunction.getDelta(a, b);
  }

  /** Evicts before the window function, or after it with `doEvictAfter`. */
  static of<T>(threshold: number, deltaFunction: DeltaFunction<T> | ((oldDataPoint: T, newDataPoint: T) => number), doEvictAfter = false): DeltaEvictor<T> {
    if (!Number.isFinite(threshold)) throw new Error(`DeltaEvictor.of: the threshold must be a finite number (got ${threshold})`);
    return new DeltaEvictor(threshold, deltaFunction, doEvictAfter);
  }

  evictBefore(elements: TimestampedValue<T>[]): void {
    if (!this.doEvictAfter) this.evict(elements);
  }

  evictAfter(elements: TimestampedValue<T>[]): void {
    if (this.doEvictAfter) this.evict(elements);
  }

  private evict(elements: TimestampedValue<T>[]): void {
    const last = elements.at(-1);
    if (last === undefined) return;
    retain(elements, (element) => this.getDelta(element.value, last.value) < this.threshold);
  }

  toString(): string {
    return `DeltaEvictor(${this.threshold})`;
  }
}
