// Flink's AggregateFunction: an incremental aggregation with an accumulator, e.g. an average
// as [sum, count]. `add` and `merge` may mutate and return their accumulator argument.

export interface AggregateFunction<IN, ACC, OUT> {
  createAccumulator(): ACC;
  add(value: IN, accumulator: ACC): ACC;
  getResult(accumulator: ACC): OUT;
  /** Combines two accumulators, when session windows merge. */
  merge(a: ACC, b: ACC): ACC;
}
