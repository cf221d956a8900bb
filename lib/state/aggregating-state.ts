// Flink's AggregatingState: one accumulator per key that every added value is folded into with
// the descriptor's AggregateFunction; get() is the function's result for the accumulator.
import type { MergingState } from './merging-state.ts';

export type AggregatingState<IN, OUT> = MergingState<IN, OUT>;
