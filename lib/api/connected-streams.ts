// Two streams, possibly of different types, connected for one operator that reads both
// (Flink's ConnectedStreams). Its first stream feeds the operator's input 1, the second
// input 2; when both are keyed, equal keys of both inputs meet in one subtask, because both
// hash their key into the same key groups.
import type { CoProcessFunction } from '../functions/co-process-function.ts';
import type { CoFlatMapFunction, CoMapFunction, KeySelector } from '../functions/functions.ts';
import { KeyedCoProcessFunction } from '../functions/keyed-co-process-function.ts';
import { CoProcessOperator } from '../operators/co-process-operator.ts';
import { KeyedCoProcessOperator } from '../operators/keyed-co-process-operator.ts';
import type { OperatorFactory } from '../graph/stream-graph.ts';
import type { FieldExpression } from '../operators/aggregators.ts';
import { CoStreamFlatMap } from '../operators/co-stream-flat-map.ts';
import { CoStreamMap } from '../operators/co-stream-map.ts';
import { KeyedStream, SingleOutputStreamOperator, type DataStream } from './data-stream.ts';
import { keyFunction, type KeyExpression } from './key-function.ts';
import { perSubtaskOperator } from './per-subtask-operator.ts';
import { requireMethods } from './require-methods.ts';
import type { StreamExecutionEnvironment } from './stream-execution-environment.ts';

export class ConnectedStreams<IN1, IN2> {
  /** @internal Created by `DataStream.connect`. */
  constructor(
    private readonly environment: StreamExecutionEnvironment,
    private readonly inputStream1: DataStream<IN1>,
    private readonly inputStream2: DataStream<IN2>,
  ) {}

  getExecutionEnvironment(): StreamExecutionEnvironment {
    return this.environment;
  }

  getFirstInput(): DataStream<IN1> {
    return this.inputStream1;
  }

  getSecondInput(): DataStream<IN2> {
    return this.inputStream2;
  }

  /**
   * Partitions both inputs by key, each with its own selector (or field), so that records of
   * either input with equal keys go to the same subtask.
   */
  keyBy<K>(key1: KeySelector<IN1, K> | ((value: IN1) => K), key2: KeySelector<IN2, K> | ((value: IN2) => K)): ConnectedStreams<IN1, IN2>;
  keyBy(field1: FieldExpression, field2: FieldExpression): ConnectedStreams<IN1, IN2>;
  keyBy<K>(key1: KeyExpression<IN1, K>, key2: KeyExpression<IN2, K>): ConnectedStreams<IN1, IN2> {
    return new ConnectedStreams(this.environment, this.inputStream1.keyBy(keyFunction(key1)), this.inputStream2.keyBy(keyFunction(key2)));
  }

  /**
   * Runs a CoProcessFunction, or on two keyed streams a KeyedCoProcessFunction, over both
   * inputs. On keyed streams records of either input with equal keys share keyed state and
   * timers; on streams that are not keyed the function may not set timers.
   */
  process<R>(coProcessFunction: CoProcessFunction<IN1, IN2, R> | KeyedCoProcessFunction<unknown, IN1, IN2, R>): SingleOutputStreamOperator<R> {
    const keyed = this.inputStream1 instanceof KeyedStream && this.inputStream2 instanceof KeyedStream;
    const name = keyed ? 'KeyedCoProcess' : 'Co-Process';
    this.requireMethods(name, keyed ? 'KeyedCoProcessFunction' : 'CoProcessFunction', coProcessFunction, ['processElement1', 'processElement2'], keyed ? 'extend KeyedCoProcessFunction' : 'extend CoProcessFunction');
    if (keyed) return this.transform(name, perSubtaskOperator(coProcessFunction, (copy) => new KeyedCoProcessOperator(copy)));
    if (coProcessFunction instanceof KeyedCoProcessFunction) {
      throw new Error(`operator '${name}' connecting ${this.inputStream1.describe()} and ${this.inputStream2.describe()}: KeyedCoProcessFunction can only be used when both input streams are of type KeyedStream.`);
    }
    return this.transform(name, perSubtaskOperator(coProcessFunction, (copy) => new CoProcessOperator(copy)));
  }

  /** Maps each record of input 1 with `map1` and each record of input 2 with `map2`. */
  map<R>(coMapper: CoMapFunction<IN1, IN2, R>): SingleOutputStreamOperator<R> {
    this.requireMethods('Co-Map', 'CoMapFunction', coMapper, ['map1', 'map2'], 'pass { map1, map2 } or a RichCoMapFunction');
    return this.transform('Co-Map', perSubtaskOperator(coMapper, (copy) => new CoStreamMap(copy)));
  }

  /** Emits zero or more records through `out.collect` for each record of either input. */
  flatMap<R>(coFlatMapper: CoFlatMapFunction<IN1, IN2, R>): SingleOutputStreamOperator<R> {
    this.requireMethods('Co-Flat Map', 'CoFlatMapFunction', coFlatMapper, ['flatMap1', 'flatMap2'], 'pass { flatMap1, flatMap2 } or a RichCoFlatMapFunction');
    return this.transform('Co-Flat Map', perSubtaskOperator(coFlatMapper, (copy) => new CoStreamFlatMap(copy)));
  }

  /** Adds a two-input operator reading both streams (Flink's ConnectedStreams.transform). */
  transform<R>(name: string, createOperator: OperatorFactory): SingleOutputStreamOperator<R> {
    const inputs = [...this.inputStream1.inputsFor(1), ...this.inputStream2.inputsFor(2)];
    const transformation = this.environment.addOperator({ name, inputs, createOperator, isSource: false, isParallel: true });
    return new SingleOutputStreamOperator<R>(this.environment, transformation);
  }

  /** A plain object or a class instance must carry a function for each input; a JavaScript caller may pass anything. */
  private requireMethods(operatorName: string, interfaceName: string, fn: object, methods: string[], hint: string): void {
    requireMethods(fn, methods, `operator '${operatorName}' connecting ${this.inputStream1.describe()} and ${this.inputStream2.describe()}`, interfaceName, hint);
  }
}
