// Flink's AllWindowedStream: windows over a whole, non-keyed stream (`windowAll(…)`). As in
// Flink, it is a keyed window over one constant key, so its operator runs at parallelism 1.
import type { AggregateFunction } from '../functions/aggregate-function.ts';
import type { ReduceFunction } from '../functions/functions.ts';
import type { OutputTag } from '../functions/output-tag.ts';
import type { ProcessAllWindowFunction, ProcessAllWindowFunctionLambda } from '../functions/process-all-window-function.ts';
import type { AllWindowFunction } from '../functions/window-function.ts';
import type { FieldExpression } from '../operators/aggregators.ts';
import { AllWindowFunctionAdapter, LambdaProcessWindowFunction, ProcessAllWindowFunctionAdapter } from '../operators/windowing/internal-window-functions.ts';
import type { WindowAssigner } from '../windowing/assigners/window-assigner.ts';
import type { Evictor } from '../windowing/evictors/evictor.ts';
import type { TimeLength } from '../windowing/time-length.ts';
import type { Trigger } from '../windowing/triggers/trigger.ts';
import type { Window } from '../windowing/windows/window.ts';
import type { DataStream, SingleOutputStreamOperator } from './data-stream.ts';
import { WindowedStream, type ProcessWindowFunctionArgument } from './windowed-stream.ts';

export type ProcessAllWindowFunctionArgument<IN, OUT, W extends Window> = ProcessAllWindowFunction<IN, OUT, W> | ProcessAllWindowFunctionLambda<IN, OUT, W>;

export class AllWindowedStream<T, W extends Window> {
  private readonly windowed: WindowedStream<T, number, W>;

  /** @internal Created by `DataStream.windowAll`. */
  constructor(input: DataStream<T>, windowAssigner: WindowAssigner<T, W>) {
    // Flink's NullByteKeySelector: every element has the same key.
    this.windowed = new WindowedStream(input.keyBy(() => 0), windowAssigner, true);
  }

  trigger(trigger: Trigger<T, W>): this {
    this.windowed.trigger(trigger);
    return this;
  }

  evictor(evictor: Evictor<T, W>): this {
    this.windowed.evictor(evictor);
    return this;
  }

  allowedLateness(lateness: TimeLength): this {
    this.windowed.allowedLateness(lateness);
    return this;
  }

  sideOutputLateData(outputTag: OutputTag<T>): this {
    this.windowed.sideOutputLateData(outputTag);
    return this;
  }

  reduce(reducer: ReduceFunction<T> | ((value1: T, value2: T) => T)): SingleOutputStreamOperator<T>;
  reduce<R>(reducer: ReduceFunction<T> | ((value1: T, value2: T) => T), windowFunction: ProcessAllWindowFunctionArgument<T, R, W>): SingleOutputStreamOperator<R>;
  reduce<R>(reducer: ReduceFunction<T> | ((value1: T, value2: T) => T), windowFunction?: ProcessAllWindowFunctionArgument<T, R, W>): SingleOutputStreamOperator<R> {
    return windowFunction ? this.windowed.reduce(reducer, keyed(windowFunction)) : (this.windowed.reduce(reducer) as unknown as SingleOutputStreamOperator<R>);
  }

  aggregate<ACC, V>(aggregateFunction: AggregateFunction<T, ACC, V>): SingleOutputStreamOperator<V>;
  aggregate<ACC, V, R>(aggregateFunction: AggregateFunction<T, ACC, V>, windowFunction: ProcessAllWindowFunctionArgument<V, R, W>): SingleOutputStreamOperator<R>;
  aggregate<ACC, V, R>(aggregateFunction: AggregateFunction<T, ACC, V>, windowFunction?: ProcessAllWindowFunctionArgument<V, R, W>): SingleOutputStreamOperator<R> {
    return windowFunction ? this.windowed.aggregate(aggregateFunction, keyed(windowFunction)) : (this.windowed.aggregate(aggregateFunction) as unknown as SingleOutputStreamOperator<R>);
  }

  process<R>(windowFunction: ProcessAllWindowFunctionArgument<T, R, W>): SingleOutputStreamOperator<R> {
    return this.windowed.process(keyed(windowFunction));
  }

  apply<R>(windowFunction: AllWindowFunction<T, R, W> | AllWindowFunction<T, R, W>['apply']): SingleOutputStreamOperator<R> {
    const fn = typeof windowFunction === 'function' ? { apply: windowFunction as AllWindowFunction<T, R, W>['apply'] } : windowFunction;
    return this.windowed.process(new AllWindowFunctionAdapter(fn));
  }

  sum(field: FieldExpression): SingleOutputStreamOperator<T> {
    return this.windowed.sum(field);
  }

  min(field: FieldExpression): SingleOutputStreamOperator<T> {
    return this.windowed.min(field);
  }

  max(field: FieldExpression): SingleOutputStreamOperator<T> {
    return this.windowed.max(field);
  }

  minBy(field: FieldExpression): SingleOutputStreamOperator<T> {
    return this.windowed.minBy(field);
  }

  maxBy(field: FieldExpression): SingleOutputStreamOperator<T> {
    return this.windowed.maxBy(field);
  }
}

/** A non-keyed window function as the keyed one the operator calls. */
function keyed<IN, OUT, W extends Window>(fn: ProcessAllWindowFunctionArgument<IN, OUT, W>): ProcessWindowFunctionArgument<IN, OUT, number, W> {
  return typeof fn === 'function' ? new LambdaProcessWindowFunction((_key, context, elements, out) => fn(context, elements, out)) : new ProcessAllWindowFunctionAdapter(fn);
}
