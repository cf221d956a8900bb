// Flink's KeyedCoProcessFunction: a CoProcessFunction on two connected keyed streams; its
// context gives the current key, and its state and timers are per key.
import type { Collector } from './functions.ts';
import type { KeyedProcessFunction } from './keyed-process-function.ts';
import { AbstractRichFunction } from './rich-functions.ts';

export abstract class KeyedCoProcessFunction<K, IN1, IN2, OUT> extends AbstractRichFunction {
  abstract processElement1(value: IN1, ctx: KeyedCoProcessFunction.Context<K>, out: Collector<OUT>): void;
  abstract processElement2(value: IN2, ctx: KeyedCoProcessFunction.Context<K>, out: Collector<OUT>): void;

  onTimer(_timestamp: number, _ctx: KeyedCoProcessFunction.OnTimerContext<K>, _out: Collector<OUT>): void {}
}

export declare namespace KeyedCoProcessFunction {
  type Context<K> = KeyedProcessFunction.Context<K>;
  type OnTimerContext<K> = KeyedProcessFunction.OnTimerContext<K>;
}
