// Flink's ProcessAllWindowFunction: a ProcessWindowFunction over a non-keyed window (windowAll).
import type { Window } from '../windowing/windows/window.ts';
import type { Collector } from './functions.ts';
import type { ProcessWindowFunctionContext } from './process-window-function.ts';
import { AbstractRichFunction } from './rich-functions.ts';

export abstract class ProcessAllWindowFunction<IN, OUT, W extends Window> extends AbstractRichFunction {
  abstract process(context: ProcessWindowFunctionContext<W>, elements: Iterable<IN>, out: Collector<OUT>): void;

  /** The window is purged: clear what this function keeps in windowState(). */
  clear(_context: ProcessWindowFunctionContext<W>): void {}
}

export type ProcessAllWindowFunctionLambda<IN, OUT, W extends Window> = (context: ProcessWindowFunctionContext<W>, elements: Iterable<IN>, out: Collector<OUT>) => void;
