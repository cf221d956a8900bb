// Flink's CoProcessFunction: a process function over two connected inputs, with one context
// type for both. On connected keyed streams it may register timers.
import type { Collector } from './functions.ts';
import type { ProcessFunction } from './process-function.ts';
import { AbstractRichFunction } from './rich-functions.ts';

export abstract class CoProcessFunction<IN1, IN2, OUT> extends AbstractRichFunction {
  abstract processElement1(value: IN1, ctx: CoProcessFunction.Context, out: Collector<OUT>): void;
  abstract processElement2(value: IN2, ctx: CoProcessFunction.Context, out: Collector<OUT>): void;

  onTimer(_timestamp: number, _ctx: CoProcessFunction.OnTimerContext, _out: Collector<OUT>): void {}
}

export declare namespace CoProcessFunction {
  type Context = ProcessFunction.Context;
  type OnTimerContext = ProcessFunction.OnTimerContext;
}
