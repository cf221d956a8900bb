// Flink's ValueState: one value per key, read and replaced as a whole.
import type { State } from './state.ts';

export interface ValueState<T> extends State {
  /** The current key's value; the descriptor's default value (or null) when it has none. */
  value(): T | null;
  /** Replaces the current key's value; null or undefined clears it, as in Flink. */
  update(value: T | null | undefined): void;
}
