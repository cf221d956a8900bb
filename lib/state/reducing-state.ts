// Flink's ReducingState: one value per key that every added value is reduced into with the
// descriptor's ReduceFunction.
import type { MergingState } from './merging-state.ts';

export type ReducingState<T> = MergingState<T, T>;
