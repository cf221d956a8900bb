// Flink's WindowFunction and AllWindowFunction (`apply`): the older, context-free form of a
// window function, given the key (keyed windows), the window and its contents.
import type { Window } from '../windowing/windows/window.ts';
import type { Collector } from './functions.ts';

export interface WindowFunction<IN, OUT, KEY, W extends Window> {
  apply(key: KEY, window: W, input: Iterable<IN>, out: Collector<OUT>): void;
}

export interface AllWindowFunction<IN, OUT, W extends Window> {
  apply(window: W, input: Iterable<IN>, out: Collector<OUT>): void;
}
