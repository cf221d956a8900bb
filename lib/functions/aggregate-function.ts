// Flink's AggregateFunction: an incremental aggregation through an accumulator, used by
// AggregatingState (and window aggregations). `merge` combines two accumulators, for merging
// windows and namespaces.
export interface AggregateFunction<IN, ACC, OUT> {
  createAccumulator(): ACC;
  /** Folds the value into the accumulator and returns the accumulator (it may be the same object). */
  add(value: IN, accumulator: ACC): ACC;
  getResult(accumulator: ACC): OUT;
  merge(a: ACC, b: ACC): ACC;
}
