// Flink's ListState: a list of values per key, appended to one at a time or replaced whole.
import type { MergingState } from './merging-state.ts';

export interface ListState<T> extends MergingState<T, Iterable<T>> {
  /** The current key's values, in the order they were added; empty when it has none. */
  get(): Iterable<T>;
  /** Appends one value; null is refused, as in Flink. */
  add(value: T): void;
  /** Appends the values, in order. */
  addAll(values: Iterable<T>): void;
  /** Replaces the current key's values; an empty list clears them. */
  update(values: Iterable<T>): void;
}
