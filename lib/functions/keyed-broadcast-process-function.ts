// Flink's KeyedBroadcastProcessFunction: the function of a keyed stream connected with a
// broadcast stream. The keyed side reads the broadcast state and owns keyed state of its
// current key and its timers (timerService(), firing onTimer with the key current); the
// broadcast side writes the broadcast state and may visit the keyed state of every key this
// subtask holds (applyToKeyedState).
import type { State } from '../state/state.ts';
import type { StateDescriptor } from '../state/state-descriptor.ts';
import type { BroadcastContext, BroadcastReadOnlyContext } from './broadcast-process-function.ts';
import type { Collector } from './functions.ts';
import { AbstractRichFunction } from './rich-functions.ts';
import type { TimeDomain, TimerService } from './timer-service.ts';

export interface KeyedBroadcastReadOnlyContext<KS> extends BroadcastReadOnlyContext {
  getCurrentKey(): KS;
  /** The current key's timers. */
  timerService(): TimerService;
}

/** Flink's KeyedBroadcastProcessFunction.OnTimerContext. */
export interface KeyedBroadcastOnTimerContext<KS> extends KeyedBroadcastReadOnlyContext<KS> {
  timeDomain(): TimeDomain;
}

/** Flink's KeyedStateFunction: visits one key's state. */
export type KeyedStateFunction<KS, S extends State> = (key: KS, state: S) => void;

export interface KeyedBroadcastContext extends BroadcastContext {
  /**
   * Calls `fn` for every key of this subtask that has a value in the state of `descriptor`,
   * with that key's state (the state's type is what getState/getListState/… would return).
   */
  applyToKeyedState<S extends State>(descriptor: StateDescriptor<unknown>, fn: KeyedStateFunction<unknown, S>): void;
}

export abstract class KeyedBroadcastProcessFunction<KS, IN1, IN2, OUT> extends AbstractRichFunction {
  /** A record of the keyed input, with its key current for keyed state. */
  abstract processElement(value: IN1, ctx: KeyedBroadcastReadOnlyContext<KS>, out: Collector<OUT>): void;
  /** An element of the broadcast input, seen by every parallel instance. */
  abstract processBroadcastElement(value: IN2, ctx: KeyedBroadcastContext, out: Collector<OUT>): void;

  /** A timer of the keyed side fires, with its key current. */
  onTimer(_timestamp: number, _ctx: KeyedBroadcastOnTimerContext<KS>, _out: Collector<OUT>): void {}
}
