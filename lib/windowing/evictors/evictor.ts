// Flink's Evictor: removes elements from a window's contents when it fires, before the window
// function runs (evictBefore) or after (evictAfter); what is left stays in the window. An
// evictor removes elements by splicing `elements`, which is in arrival order.
import type { Window } from '../windows/window.ts';
import type { TimestampedValue } from './timestamped-value.ts';

/** Flink's Evictor.EvictorContext. */
export interface EvictorContext {
  getCurrentProcessingTime(): number;
  getCurrentWatermark(): number;
}

export interface Evictor<T, W extends Window> {
  evictBefore(elements: TimestampedValue<T>[], size: number, window: W, ctx: EvictorContext): void;
  evictAfter(elements: TimestampedValue<T>[], size: number, window: W, ctx: EvictorContext): void;
}

/** Keeps the elements `keep` accepts, in order, in place. */
export function retain<T>(elements: TimestampedValue<T>[], keep: (element: TimestampedValue<T>) => boolean): void {
  let kept = 0;
  for (const element of elements) if (keep(element)) elements[kept++] = element;
  elements.length = kept;
}
