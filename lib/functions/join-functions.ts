// The functions of window joins and coGroups (Flink's JoinFunction, FlatJoinFunction and
// CoGroupFunction) and their rich forms. A join function sees each pair of one key and
// window; a coGroup function sees all of both inputs' records of one key and window at once,
// also when one side has none.
import type { Collector } from './functions.ts';
import { AbstractRichFunction } from './rich-functions.ts';

/** Makes one record of each joined pair. */
export interface JoinFunction<IN1, IN2, OUT> {
  join(first: IN1, second: IN2): OUT;
}

/** Emits zero or more records for each joined pair; told apart from a JoinFunction by its third parameter, `out`. */
export interface FlatJoinFunction<IN1, IN2, OUT> {
  join(first: IN1, second: IN2, out: Collector<OUT>): void;
}

/** Gets the records of both inputs that share a key and a window; either side may be empty. */
export interface CoGroupFunction<IN1, IN2, OUT> {
  coGroup(first: Iterable<IN1>, second: Iterable<IN2>, out: Collector<OUT>): void;
}

export abstract class RichJoinFunction<IN1, IN2, OUT> extends AbstractRichFunction implements JoinFunction<IN1, IN2, OUT> {
  abstract join(first: IN1, second: IN2): OUT;
}

export abstract class RichFlatJoinFunction<IN1, IN2, OUT> extends AbstractRichFunction implements FlatJoinFunction<IN1, IN2, OUT> {
  abstract join(first: IN1, second: IN2, out: Collector<OUT>): void;
}

export abstract class RichCoGroupFunction<IN1, IN2, OUT> extends AbstractRichFunction implements CoGroupFunction<IN1, IN2, OUT> {
  abstract coGroup(first: Iterable<IN1>, second: Iterable<IN2>, out: Collector<OUT>): void;
}
