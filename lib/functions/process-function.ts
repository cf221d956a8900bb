// Flink's ProcessFunction: the lowest-level one-input function. For each record it gets a
// context with the record's timestamp, the TimerService and side outputs; timers (on a keyed
// stream) call `onTimer`. It is a rich function: open/close, the RuntimeContext, keyed state.
import type { Collector } from './functions.ts';
import type { OutputTag } from './output-tag.ts';
import { AbstractRichFunction } from './rich-functions.ts';
import type { TimeDomain, TimerService } from './timer-service.ts';

export abstract class ProcessFunction<I, O> extends AbstractRichFunction {
  abstract processElement(value: I, ctx: ProcessFunction.Context, out: Collector<O>): void;

  /** A timer registered through `ctx.timerService()` fired at `timestamp`. */
  onTimer(_timestamp: number, _ctx: ProcessFunction.OnTimerContext, _out: Collector<O>): void {}
}

export declare namespace ProcessFunction {
  interface Context {
    /** The timestamp of the record being processed, or of the firing timer; undefined for a record without one. */
    timestamp(): number | undefined;
    timerService(): TimerService;
    /** Emits `value` to the side output `tag`, with the timestamp above. */
    output<X>(tag: OutputTag<X>, value: X): void;
  }

  interface OnTimerContext extends Context {
    timeDomain(): TimeDomain;
  }
}
