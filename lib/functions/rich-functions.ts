// Rich functions: user functions with a lifecycle (`open` before the first record, `close`
// after the last) and access to the RuntimeContext of the subtask they run in.
//
// Every operator instance gets its own function object (see per-subtask-operator.ts), so a
// rich function may keep per-subtask resources in its own fields; per-key data belongs in
// keyed state (`getRuntimeContext().getState`), where the runtime scopes it to the key.
import type { RuntimeContext } from './runtime-context.ts';
import type {
  CoFlatMapFunction,
  CoMapFunction,
  Collector,
  FilterFunction,
  FlatMapFunction,
  MapFunction,
  ParallelSourceFunction,
  ReduceFunction,
  SinkContext,
  SinkFunction,
  SourceContext,
  SourceFunction,
} from './functions.ts';

export abstract class AbstractRichFunction {
  private runtimeContext?: RuntimeContext;

  /** Called by the runtime before `open`. */
  setRuntimeContext(context: RuntimeContext): void {
    this.runtimeContext = context;
  }

  getRuntimeContext(): RuntimeContext {
    if (!this.runtimeContext) throw new Error('The runtime context has not been initialized.');
    return this.runtimeContext;
  }

  /** Initialization before the first record (connections, state). */
  open(): void | Promise<void> {}

  /** Teardown after the last record, after a failure and on cancellation. */
  close(): void | Promise<void> {}
}

/** Whether a user function has the rich lifecycle (duck-typed: a job bundle may hold its own copy of this module). */
export function isRichFunction(fn: object): fn is AbstractRichFunction {
  return typeof (fn as Partial<AbstractRichFunction>).setRuntimeContext === 'function';
}

export abstract class RichMapFunction<T, R> extends AbstractRichFunction implements MapFunction<T, R> {
  abstract map(value: T): R;
}

export abstract class RichFlatMapFunction<T, R> extends AbstractRichFunction implements FlatMapFunction<T, R> {
  abstract flatMap(value: T, out: Collector<R>): void;
}

export abstract class RichCoMapFunction<IN1, IN2, OUT> extends AbstractRichFunction implements CoMapFunction<IN1, IN2, OUT> {
  abstract map1(value: IN1): OUT;
  abstract map2(value: IN2): OUT;
}

export abstract class RichCoFlatMapFunction<IN1, IN2, OUT> extends AbstractRichFunction implements CoFlatMapFunction<IN1, IN2, OUT> {
  abstract flatMap1(value: IN1, out: Collector<OUT>): void;
  abstract flatMap2(value: IN2, out: Collector<OUT>): void;
}

export abstract class RichFilterFunction<T> extends AbstractRichFunction implements FilterFunction<T> {
  abstract filter(value: T): boolean;
}

export abstract class RichReduceFunction<T> extends AbstractRichFunction implements ReduceFunction<T> {
  abstract reduce(value1: T, value2: T): T;
}

export abstract class RichSinkFunction<T> extends AbstractRichFunction implements SinkFunction<T> {
  abstract invoke(value: T, context: SinkContext): void;
}

export abstract class RichSourceFunction<T> extends AbstractRichFunction implements SourceFunction<T> {
  abstract run(ctx: SourceContext<T>): Promise<void>;
  abstract cancel(): void;
}

export abstract class RichParallelSourceFunction<T> extends RichSourceFunction<T> implements ParallelSourceFunction<T> {
  readonly parallel = true as const;
}
