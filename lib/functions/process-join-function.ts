// Flink's ProcessJoinFunction: called by an interval join once per pair of a left and a right
// record of one key whose timestamps lie within the join's bounds. Its Context gives both
// records' timestamps and the result's (the larger of the two), and side outputs.
import type { Collector } from './functions.ts';
import type { OutputTag } from './output-tag.ts';
import { AbstractRichFunction } from './rich-functions.ts';

export abstract class ProcessJoinFunction<IN1, IN2, OUT> extends AbstractRichFunction {
  abstract processElement(left: IN1, right: IN2, ctx: ProcessJoinFunctionContext, out: Collector<OUT>): void;
}

/** Flink's ProcessJoinFunction.Context. */
export interface ProcessJoinFunctionContext {
  getLeftTimestamp(): number;
  getRightTimestamp(): number;
  /** The joined pair's timestamp: the larger of the two. */
  getTimestamp(): number;
  /** Emits `value` to the side output named by `tag`, with the pair's timestamp. */
  output<X>(tag: OutputTag<X>, value: X): void;
}
