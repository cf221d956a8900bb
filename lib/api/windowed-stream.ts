// Flink's WindowedStream: a keyed stream cut into windows by a WindowAssigner (`keyBy(…)
// .window(…)`). Trigger, evictor, allowed lateness and the late-data side output are set
// first; a window function (reduce, aggregate, process, apply, sum, …) then adds the window
// operator. Non-keyed windows (AllWindowedStream) are this over a constant key, at parallelism 1.
import type { AggregateFunction } from '../functions/aggregate-function.ts';
import type { ReduceFunction } from '../functions/functions.ts';
import type { OutputTag } from '../functions/output-tag.ts';
import { ProcessWindowFunction, type ProcessWindowFunctionLambda } from '../functions/process-window-function.ts';
import { isRichFunction } from '../functions/rich-functions.ts';
import type { WindowFunction } from '../functions/window-function.ts';
import { aggregator, type AggregationType, type FieldExpression } from '../operators/aggregators.ts';
import { EvictingWindowOperator } from '../operators/windowing/evicting-window-operator.ts';
import {
  AggregateApplyProcessWindowFunction,
  LambdaProcessWindowFunction,
  PassThroughWindowFunction,
  ReduceApplyProcessWindowFunction,
  WindowFunctionAdapter,
} from '../operators/windowing/internal-window-functions.ts';
import { aggregatingAccumulation, reducingAccumulation, listAccumulation, type WindowAccumulation } from '../operators/windowing/window-contents.ts';
import { WindowOperator } from '../operators/windowing/window-operator.ts';
import { isMergingWindowAssigner, type WindowAssigner } from '../windowing/assigners/window-assigner.ts';
import type { Evictor } from '../windowing/evictors/evictor.ts';
import { milliseconds, type TimeLength } from '../windowing/time-length.ts';
import type { Trigger } from '../windowing/triggers/trigger.ts';
import type { Window } from '../windowing/windows/window.ts';
import { SingleOutputStreamOperator, type KeyedStream } from './data-stream.ts';
import { perSubtaskOperator } from './per-subtask-operator.ts';

export type ProcessWindowFunctionArgument<IN, OUT, KEY, W extends Window> = ProcessWindowFunction<IN, OUT, KEY, W> | ProcessWindowFunctionLambda<IN, OUT, KEY, W>;

export class WindowedStream<T, K, W extends Window> {
  private windowTrigger: Trigger<T, W>;
  private windowEvictor?: Evictor<T, W>;
  private lateness = 0;
  private lateDataOutputTag?: OutputTag<T>;

  /** @internal Created by `KeyedStream.window` (and AllWindowedStream, `nonParallel`). */
  constructor(
    private readonly input: KeyedStream<T, K>,
    private readonly windowAssigner: WindowAssigner<T, W>,
    private readonly nonParallel = false,
  ) {
    this.windowTrigger = windowAssigner.getDefaultTrigger();
  }

  /** Replaces the assigner's default trigger. */
  trigger(trigger: Trigger<T, W>): this {
    if (isMergingWindowAssigner(this.windowAssigner) && !trigger.canMerge()) {
      throw new Error(`${this.describe()}: A merging window assigner cannot be used with a trigger that does not support merging.`);
    }
    this.windowTrigger = trigger;
    return this;
  }

  /** Removes elements from a window before and/or after the window function. */
  evictor(evictor: Evictor<T, W>): this {
    this.windowEvictor = evictor;
    return this;
  }

  /**
   * How long after a window's end (in event time) its state is kept: an element arriving
   * that late still joins the window and fires it again, updating the result. Default 0.
   */
  allowedLateness(lateness: TimeLength): this {
    const ms = milliseconds(lateness, `${this.describe()}: allowedLateness`);
    if (ms < 0) throw new Error(`${this.describe()}: The allowed lateness cannot be negative.`);
    this.lateness = ms;
    return this;
  }

  /** Elements too late for every window go to this side output (read it with `getSideOutput(tag)` on the result). */
  sideOutputLateData(outputTag: OutputTag<T>): this {
    this.lateDataOutputTag = outputTag;
    return this;
  }

  /** Reduces each window incrementally; with `windowFunction`, that function gets the reduced value and the window. */
  reduce(reducer: ReduceFunction<T> | ((value1: T, value2: T) => T)): SingleOutputStreamOperator<T>;
  reduce<R>(reducer: ReduceFunction<T> | ((value1: T, value2: T) => T), windowFunction: ProcessWindowFunctionArgument<T, R, K, W>): SingleOutputStreamOperator<R>;
  reduce<R>(reducer: ReduceFunction<T> | ((value1: T, value2: T) => T), windowFunction?: ProcessWindowFunctionArgument<T, R, K, W>): SingleOutputStreamOperator<R> {
    const fn = typeof reducer === 'function' ? { reduce: reducer } : reducer;
    if (isRichFunction(fn)) throw new Error(`${this.describe()}: ReduceFunction of reduce can not be a RichFunction. Please use reduce(ReduceFunction, ProcessWindowFunction) instead.`);
    const process = windowFunction ? processWindowFunction(windowFunction) : (new PassThroughWindowFunction<T>() as unknown as ProcessWindowFunction<T, R, K, W>);
    return this.windowOperator('reduce', reducingAccumulation(fn), process, () => new ReduceApplyProcessWindowFunction(fn, process));
  }

  /** Aggregates each window incrementally with an AggregateFunction; with `windowFunction`, that function gets the result and the window. */
  aggregate<ACC, V>(aggregateFunction: AggregateFunction<T, ACC, V>): SingleOutputStreamOperator<V>;
  aggregate<ACC, V, R>(aggregateFunction: AggregateFunction<T, ACC, V>, windowFunction: ProcessWindowFunctionArgument<V, R, K, W>): SingleOutputStreamOperator<R>;
  aggregate<ACC, V, R>(aggregateFunction: AggregateFunction<T, ACC, V>, windowFunction?: ProcessWindowFunctionArgument<V, R, K, W>): SingleOutputStreamOperator<R> {
    if (isRichFunction(aggregateFunction)) throw new Error(`${this.describe()}: This aggregation function cannot be a RichFunction.`);
    const process = windowFunction ? processWindowFunction(windowFunction) : (new PassThroughWindowFunction<V>() as unknown as ProcessWindowFunction<V, R, K, W>);
    return this.windowOperator('aggregate', aggregatingAccumulation(aggregateFunction), process, () => new AggregateApplyProcessWindowFunction(aggregateFunction, process));
  }

  /** Evaluates each window on all its elements, with the window's context. */
  process<R>(windowFunction: ProcessWindowFunctionArgument<T, R, K, W>): SingleOutputStreamOperator<R> {
    const process = processWindowFunction(windowFunction);
    return this.windowOperator('process', listAccumulation<T>(), process, () => process);
  }

  /** Evaluates each window on all its elements with a WindowFunction (key, window, elements, out). */
  apply<R>(windowFunction: WindowFunction<T, R, K, W> | WindowFunction<T, R, K, W>['apply']): SingleOutputStreamOperator<R> {
    // A lambda is a function (it has Function.prototype.apply, so the type cannot tell).
    const fn = typeof windowFunction === 'function' ? { apply: windowFunction as WindowFunction<T, R, K, W>['apply'] } : windowFunction;
    const process = new WindowFunctionAdapter(fn);
    return this.windowOperator('apply', listAccumulation<T>(), process, () => process);
  }

  sum(field: FieldExpression): SingleOutputStreamOperator<T> {
    return this.aggregation('sum', field);
  }

  min(field: FieldExpression): SingleOutputStreamOperator<T> {
    return this.aggregation('min', field);
  }

  max(field: FieldExpression): SingleOutputStreamOperator<T> {
    return this.aggregation('max', field);
  }

  minBy(field: FieldExpression): SingleOutputStreamOperator<T> {
    return this.aggregation('minBy', field);
  }

  maxBy(field: FieldExpression): SingleOutputStreamOperator<T> {
    return this.aggregation('maxBy', field);
  }

  private aggregation(type: AggregationType, field: FieldExpression): SingleOutputStreamOperator<T> {
    return this.reduce(aggregator<T>(type, field));
  }

  /**
   * Adds the window operator: without an evictor, elements accumulate as `accumulation` says
   * and `windowFunction` gets the result; with one, every element is kept and
   * `evictingFunction()` evaluates what the evictor leaves.
   */
  private windowOperator<ACC, V, R>(
    functionName: string,
    accumulation: WindowAccumulation<T, ACC, V>,
    windowFunction: ProcessWindowFunction<V, R, K, W>,
    evictingFunction: () => ProcessWindowFunction<T, R, K, W>,
  ): SingleOutputStreamOperator<R> {
    const spec = {
      windowAssigner: this.windowAssigner,
      trigger: this.windowTrigger,
      allowedLateness: this.lateness,
      ...(this.lateDataOutputTag ? { lateDataOutputTag: this.lateDataOutputTag } : {}),
    };
    const evictor = this.windowEvictor;
    const parts = [String(this.windowAssigner), String(this.windowTrigger), ...(evictor ? [String(evictor)] : []), functionName];
    const createOperator = evictor
      ? perSubtaskOperator(evictingFunction(), (fn) => new EvictingWindowOperator(spec, evictor, fn))
      : perSubtaskOperator(windowFunction, (fn) => new WindowOperator({ ...spec, accumulation }, fn));
    const environment = this.input.getExecutionEnvironment();
    const transformation = environment.addOperator({ name: `Window(${parts.join(', ')})`, inputs: this.input.inputsFor(1), createOperator, isSource: false, isParallel: !this.nonParallel });
    return new SingleOutputStreamOperator<R>(environment, transformation);
  }

  private describe(): string {
    return `window ${this.windowAssigner} on ${this.input.describe()}`;
  }
}

function processWindowFunction<IN, OUT, KEY, W extends Window>(fn: ProcessWindowFunctionArgument<IN, OUT, KEY, W>): ProcessWindowFunction<IN, OUT, KEY, W> {
  return typeof fn === 'function' ? new LambdaProcessWindowFunction(fn) : fn;
}
