// Every form of window function, as the ProcessWindowFunction the WindowOperator calls (Flink's
// internal window functions): a lambda, `apply`'s WindowFunction, the functions of non-keyed
// windows, the pass-through after a plain reduce or aggregate, and, with an evictor, a reduce
// or aggregate applied to the contents at firing time. Each forwards the rich lifecycle
// (RuntimeContext, open, close) to the function it wraps (Flink's WrappingFunction).
import type { AggregateFunction } from '../../functions/aggregate-function.ts';
import type { Collector, ReduceFunction } from '../../functions/functions.ts';
import type { ProcessAllWindowFunction } from '../../functions/process-all-window-function.ts';
import { ProcessWindowFunction, type ProcessWindowFunctionContext } from '../../functions/process-window-function.ts';
import { isRichFunction } from '../../functions/rich-functions.ts';
import type { RuntimeContext } from '../../functions/runtime-context.ts';
import type { AllWindowFunction, WindowFunction } from '../../functions/window-function.ts';
import type { Window } from '../../windowing/windows/window.ts';

abstract class WrappingProcessWindowFunction<IN, OUT, KEY, W extends Window> extends ProcessWindowFunction<IN, OUT, KEY, W> {
  constructor(protected readonly wrappedFunction: object) {
    super();
  }

  override setRuntimeContext(context: RuntimeContext): void {
    super.setRuntimeContext(context);
    if (isRichFunction(this.wrappedFunction)) this.wrappedFunction.setRuntimeContext(context);
  }

  override async open(): Promise<void> {
    if (isRichFunction(this.wrappedFunction)) await this.wrappedFunction.open();
  }

  override async close(): Promise<void> {
    if (isRichFunction(this.wrappedFunction)) await this.wrappedFunction.close();
  }
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
export class WindowFunctionAdapter<IN, OUT, KEY, W extends Window> extends WrappingProcessWindowFunction<IN, OUT, KEY, W> {
  constructor(private readonly windowFunction: WindowFunction<IN, OUT, KEY, W>) {
    super(windowFunction);
  }

  process(key: KEY, context: ProcessWindowFunctionContext<W>, elements: Iterable<IN>, out: Collector<OUT>): void {
    this.windowFunction.apply(key, context.window(), elements, out);
  }
}

/** A ProcessAllWindowFunction of `windowAll`, which runs keyed by a constant. */
export class ProcessAllWindowFunctionAdapter<IN, OUT, W extends Window> extends WrappingProcessWindowFunction<IN, OUT, unknown, W> {
  constructor(private readonly allWindowFunction: ProcessAllWindowFunction<IN, OUT, W>) {
    super(allWindowFunction);
  }

  process(_key: unknown, context: ProcessWindowFunctionContext<W>, elements: Iterable<IN>, out: Collector<OUT>): void {
    this.allWindowFunction.process(context, elements, out);
  }

  override clear(context: ProcessWindowFunctionContext<W>): void {
    this.allWindowFunction.clear(context);
  }
}

/** `apply(AllWindowFunction)` of `windowAll`. */
export class AllWindowFunctionAdapter<IN, OUT, W extends Window> extends WrappingProcessWindowFunction<IN, OUT, unknown, W> {
  constructor(private readonly allWindowFunction: AllWindowFunction<IN, OUT, W>) {
    super(allWindowFunction);
  }

  process(_key: unknown, context: ProcessWindowFunctionContext<W>, elements: Iterable<IN>, out: Collector<OUT>): void {
    this.allWindowFunction.apply(context.window(), elements, out);
  }
}

/** With an evictor: reduces what is left of the window, then hands the one value on (Flink's ReduceApplyProcessWindowFunction). */
export class ReduceApplyProcessWindowFunction<T, OUT, KEY, W extends Window> extends WrappingProcessWindowFunction<T, OUT, KEY, W> {
  constructor(
    private readonly reducer: ReduceFunction<T>,
    private readonly windowFunction: ProcessWindowFunction<T, OUT, KEY, W>,
  ) {
    super(windowFunction);
  }

  process(key: KEY, context: ProcessWindowFunctionContext<W>, elements: Iterable<T>, out: Collector<OUT>): void {
    let reduced: { value: T } | undefined;
    for (const element of elements) reduced = reduced ? { value: this.reducer.reduce(reduced.value, element) } : { value: element };
    this.windowFunction.process(key, context, reduced ? [reduced.value] : [], out);
  }

  override clear(context: ProcessWindowFunctionContext<W>): void {
    this.windowFunction.clear(context);
  }
}

/** With an evictor: aggregates what is left of the window (Flink's AggregateApplyWindowFunction). */
export class AggregateApplyProcessWindowFunction<IN, ACC, V, OUT, KEY, W extends Window> extends WrappingProcessWindowFunction<IN, OUT, KEY, W> {
  constructor(
    private readonly aggregate: AggregateFunction<IN, ACC, V>,
    private readonly windowFunction: ProcessWindowFunction<V, OUT, KEY, W>,
  ) {
    super(windowFunction);
  }

  process(key: KEY, context: ProcessWindowFunctionContext<W>, elements: Iterable<IN>, out: Collector<OUT>): void {
    let accumulator = this.aggregate.createAccumulator();
    for (const element of elements) accumulator = this.aggregate.add(element, accumulator);
    this.windowFunction.process(key, context, [this.aggregate.getResult(accumulator)], out);
  }

  override clear(context: ProcessWindowFunctionContext<W>): void {
    this.windowFunction.clear(context);
  }
}
