// Flink's ProcessWindowFunction: evaluates a window's contents with its context: the window,
// the current times, state per window (cleared by `clear` when the window is purged) and
// state of the key across windows. It is a rich function (open, close, RuntimeContext).
import type { KeyedStateStore } from '../state/keyed-state-store.ts';
import type { Window } from '../windowing/windows/window.ts';
import type { Collector } from './functions.ts';
import type { OutputTag } from './output-tag.ts';
import { AbstractRichFunction } from './rich-functions.ts';

/** Flink's ProcessWindowFunction.Context. */
export interface ProcessWindowFunctionContext<W extends Window> {
  window(): W;
  currentProcessingTime(): number;
  currentWatermark(): number;
  /** State of the current key in this window only. */
  windowState(): KeyedStateStore;
  /** State of the current key, shared by all its windows. */
  globalState(): KeyedStateStore;
  /** Emits to the side output `outputTag`. */
  output<X>(outputTag: OutputTag<X>, value: X): void;
}

export abstract class ProcessWindowFunction<IN, OUT, KEY, W extends Window> extends AbstractRichFunction {
  /** Evaluates the window; `elements` are the contents (one value after a reduce or aggregate). */
  abstract process(key: KEY, context: ProcessWindowFunctionContext<W>, elements: Iterable<IN>, out: Collector<OUT>): void;

  /** The window is purged: clear what this function keeps in windowState(). */
  clear(_context: ProcessWindowFunctionContext<W>): void {}
}

/** A ProcessWindowFunction as a lambda. */
export type ProcessWindowFunctionLambda<IN, OUT, KEY, W extends Window> = (key: KEY, context: ProcessWindowFunctionContext<W>, elements: Iterable<IN>, out: Collector<OUT>) => void;
