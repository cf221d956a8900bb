// Flink's KeyedProcessFunction: a ProcessFunction on a keyed stream, whose context also gives
// the current key (the record's, or the firing timer's). Its state and timers are per key.
import type { Collector } from './functions.ts';
import type { ProcessFunction } from './process-function.ts';
import { AbstractRichFunction } from './rich-functions.ts';
import type { TimeDomain } from './timer-service.ts';

export abstract class KeyedProcessFunction<K, I, O> extends AbstractRichFunction {
  abstract processElement(value: I, ctx: KeyedProcessFunction.Context<K>, out: Collector<O>): void;

  onTimer(_timestamp: number, _ctx: KeyedProcessFunction.OnTimerContext<K>, _out: Collector<O>): void {}
}

export declare namespace KeyedProcessFunction {
  interface Context<K> extends ProcessFunction.Context {
    getCurrentKey(): K;
  }

  interface OnTimerContext<K> extends Context<K> {
    timeDomain(): TimeDomain;
  }
}
