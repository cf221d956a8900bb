// The user function interfaces of the DataStream API. Every operator also accepts a plain
// lambda in their place; an object (usually a class instance) may carry fields and, when
// it extends one of the Rich* classes, `open`/`close` and the RuntimeContext.

/** Receives the records a function emits (Flink's Collector). */
export interface Collector<T> {
  collect(record: T): void;
}

export interface MapFunction<T, R> {
  map(value: T): R;
}

export interface FlatMapFunction<T, R> {
  flatMap(value: T, out: Collector<R>): void;
}

export interface FilterFunction<T> {
  filter(value: T): boolean;
}

/**
 * Maps the records of two connected inputs to one output type (Flink's CoMapFunction):
 * `map1` is called for each record of the first input, `map2` for the second.
 */
export interface CoMapFunction<IN1, IN2, OUT> {
  map1(value: IN1): OUT;
  map2(value: IN2): OUT;
}

/** Emits zero or more records per record of either connected input (Flink's CoFlatMapFunction). */
export interface CoFlatMapFunction<IN1, IN2, OUT> {
  flatMap1(value: IN1, out: Collector<OUT>): void;
  flatMap2(value: IN2, out: Collector<OUT>): void;
}

/** Combines two values of one key into one; must be associative, as in Flink. */
export interface ReduceFunction<T> {
  reduce(value1: T, value2: T): T;
}

/** Extracts the key of a record; must be deterministic (the same record always yields the same key). */
export interface KeySelector<T, K> {
  getKey(value: T): K;
}

/** What a sink knows about the record it is given (Flink's SinkFunction.Context). */
export interface SinkContext {
  currentProcessingTime(): number;
  /** The sink's current event-time watermark; -Infinity before the first. */
  currentWatermark(): number;
  /** The record's event timestamp; undefined when it has none. */
  timestamp(): number | undefined;
}

/** A sink: `invoke` is called once per record, synchronously; `finish` at the end of input. */
export interface SinkFunction<T> {
  invoke(value: T, context: SinkContext): void;
  finish?(): void | Promise<void>;
}

/**
 * What a source emits into. `collect` returns a promise while the downstream channels are
 * backpressured, and now and then (every few milliseconds) to give the thread to the task's
 * checkpoint triggers, timers and the other tasks of its slot: a source should await it, so
 * that it slows down instead of piling records up in memory, and never keeps the thread.
 *
 * Checkpoints see a source between its steps. A source's state (an offset, a sequence
 * number) is snapshotted only while the source is suspended at an `await`, never inside
 * the synchronous code between two awaits. So emit a record and advance the position in
 * the same step, before awaiting:
 * ```ts
 * const pending = ctx.collect(this.lines[this.offset]);
 * this.offset++;             // same step as the collect: a snapshot sees both or neither
 * if (pending) await pending;
 * ```
 * (`await ctx.collect(x); this.offset++` is wrong: a snapshot taken while the source waits
 * would count the record as not yet emitted, so a restore would emit it twice.)
 */
export interface SourceContext<T> {
  collect(element: T): void | Promise<void>;
  /** Emits the element with an event timestamp (ms since the epoch). */
  collectWithTimestamp(element: T, timestamp: number): void | Promise<void>;
  /** Event time up to `timestamp` is complete: no element with a timestamp <= it follows. */
  emitWatermark(timestamp: number): void;
  /** This source emits nothing for a while: downstream watermarks do not wait for it until it emits again. */
  markAsTemporarilyIdle(): void;
}

/**
 * A source: `run` emits records until the input ends or `cancel` is called, then resolves.
 * A plain SourceFunction runs with parallelism 1; implement ParallelSourceFunction (or
 * extend RichParallelSourceFunction) to run several instances.
 */
export interface SourceFunction<T> {
  run(ctx: SourceContext<T>): Promise<void>;
  cancel(): void;
}

/** A source that may run with parallelism > 1 (Flink's marker interface, made a value so it exists at run time). */
export interface ParallelSourceFunction<T> extends SourceFunction<T> {
  readonly parallel: true;
}
