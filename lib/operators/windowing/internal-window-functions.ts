// Every form of window function, as the ProcessWindowFunction the WindowOperator calls (Flink's
// internal window functions): a lambda, `apply`'s WindowFunction, the functions of non-keyed
// windows, the pass-through after a plain reduce or aggregate, and, with an evictor, a reduce
// or aggregate applied to the contents at firing time. Those around a user's function are
// Flink's WrappingFunction, which forwards the rich lifecycle (RuntimeContext, open, close).
import type { AggregateFunction } from '../../functions/aggregate-function.ts';
import type { Collector, ReduceFunction } from '../../functions/functions.ts';
import type { ProcessAllWindowFunction } from '../../functions/process-all-window-function.ts';
import { ProcessWindowFunction, type ProcessWindowFunctionContext } from '../../functions/process-window-function.ts';
import type { AllWindowFunction, WindowFunction } from '../../functions/window-function.ts';
import { WrappingFunction } from '../../functions/wrapping-function.ts';
import type { Window } from '../../windowing/windows/window.ts';

/** A ProcessWindowFunction around the function `F` (Flink's InternalWindowFunction on a WrappingFunction). */
abstract class WrappingProcessWindowFunction<F extends object, IN, OUT, KEY, W extends Window>
  extends WrappingFunction<F>
  implements ProcessWindowFunction<IN, OUT, KEY, W>
{
  abstract process(key: KEY, context: ProcessWindowFunctionContext<W>, elements: Iterable<IN>, out: Collector<OUT>): void;

  clear(_context: ProcessWindowFunctionContext<W>): void {}
}

/** Emits the window's single value as it is (Flink's PassThroughWindowFunction). */
export class PassThroughWindowFunction<T> extends ProcessWindowFunction<T, T, unknown, Window> {
  process(_key: unknown, _context: ProcessWindowFunctionContext<Window>, elements: Iterable<T>, out: Collector<T>): void {
    for (const element of elements) out.collect(element);
  }
}

/** A lambda `(key, context, elements, out) => …`. */
export class LambdaProcessWindowFunction<IN, OUT, KEY, W extends Window> extends ProcessWindowFunction<IN, OUT, KEY, W> {
  constructor(private readonly fn: (key: KEY, context: ProcessWindowFunctionContext<W>, elements: Iterable<IN>, out: Collector<OUT>) => void) {
    super();
  }

  process(key: KEY, context: ProcessWindowFunctionContext<W>, elements: Iterable<IN>, out: Collector<OUT>): void {
    this.fn(key, context, elements, out);
  }
}

/** `apply(WindowFunction)` (Flink's InternalIterableWindowFunction). */
export class WindowFunctionAdapter<IN, OUT, KEY, W extends Window> extends WrappingProcessWindowFunction<WindowFunction<IN, OUT, KEY, W>, IN, OUT, KEY, W> {
  process(key: KEY, context: ProcessWindowFunctionContext<W>, elements: Iterable<IN>, out: Collector<OUT>): void {
    this.wrappedFunction.apply(key, context.window(), elements, out);
  }
}

/** A ProcessAllWindowFunction of `windowAll`, which runs keyed by a constant. */
export class ProcessAllWindowFunctionAdapter<IN, OUT, W extends Window> extends WrappingProcessWindowFunction<ProcessAllWindowFunction<IN, OUT, W>, IN, OUT, unknown, W> {
  process(_key: unknown, context: ProcessWindowFunctionContext<W>, elements: Iterable<IN>, out: Collector<OUT>): void {
    this.wrappedFunction.process(context, elements, out);
  }

  override clear(context: ProcessWindowFunctionContext<W>): void {
    this.wrappedFunction.clear(context);
  }
}

/** `apply(AllWindowFunction)` of `windowAll`. */
export class AllWindowFunctionAdapter<IN, OUT, W extends Window> extends WrappingProcessWindowFunction<AllWindowFunction<IN, OUT, W>, IN, OUT, unknown, W> {
  process(_key: unknown, context: ProcessWindowFunctionContext<W>, elements: Iterable<IN>, out: Collector<OUT>): void {
    this.wrappedFunction.apply(context.window(), elements, out);
  }
}

/** With an evictor: reduces what is left of the window, then hands the one value on (Flink's ReduceApplyProcessWindowFunction). */
export class ReduceApplyProcessWindowFunction<T, OUT, KEY, W extends Window> extends WrappingProcessWindowFunction<ProcessWindowFunction<T, OUT, KEY, W>, T, OUT, KEY, W> {
  constructor(
    private readonly reducer: ReduceFunction<T>,
    windowFunction: ProcessWindowFunction<T, OUT, KEY, W>,
  ) {
    super(windowFunction);
  }

  process(key: KEY, context: ProcessWindowFunctionContext<W>, elements: Iterable<T>, out: Collector<OUT>): void {
    let reduced: { value: T } | undefined;
    for (const element of elements) reduced = reduced ? { value: this.reducer.reduce(reduced.value, element) } : { value: element };
    this.wrappedFunction.process(key, context, reduced ? [reduced.value] : [], out);
  }

  override clear(context: ProcessWindowFunctionContext<W>): void {
    this.wrappedFunction.clear(context);
  }
}

/** With an evictor: aggregates what is left of the window (Flink's AggregateApplyWindowFunction). */
export class AggregateApplyProcessWindowFunction<IN, ACC, V, OUT, KEY, W extends Window> extends WrappingProcessWindowFunction<ProcessWindowFunction<V, OUT, KEY, W>, IN, OUT, KEY, W> {
  constructor(
    private readonly aggregate: AggregateFunction<IN, ACC, V>,
    windowFunction: ProcessWindowFunction<V, OUT, KEY, W>,
  ) {
    super(windowFunction);
  }

  process(key: KEY, context: ProcessWindowFunctionContext<W>, elements: Iterable<IN>, out: Collector<OUT>): void {
    let accumulator = this.aggregate.createAccumulator();
    for (const element of elements) accumulator = this.aggregate.add(element, accumulator);
    this.wrappedFunction.process(key, context, [this.aggregate.getResult(accumulator)], out);
  }

  override clear(context: ProcessWindowFunctionContext<W>): void {
    this.wrappedFunction.clear(context);
  }
}
