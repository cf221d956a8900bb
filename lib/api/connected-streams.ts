// Two streams, possibly of different types, connected for one operator that reads both
// (Flink's ConnectedStreams). Its first stream feeds the operator's input 1, the second
// input 2; when both are keyed, equal keys of both inputs meet in one subtask, because both
// hash their key into the same key groups.
import type { CoFlatMapFunction, CoMapFunction, KeySelector } from '../functions/functions.ts';
import type { OperatorFactory } from '../graph/stream-graph.ts';
import type { FieldExpression } from '../operators/aggregators.ts';
import { CoStreamFlatMap } from '../operators/co-stream-flat-map.ts';
import { CoStreamMap } from '../operators/co-stream-map.ts';
import { SingleOutputStreamOperator, type DataStream } from './data-stream.ts';
import { keyFunction, type KeyExpression } from './key-function.ts';
import { perSubtaskOperator } from './per-subtask-operator.ts';
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

  /** Maps each record of input 1 with `map1` and each record of input 2 with `map2`. */
  map<R>(coMapper: CoMapFunction<IN1, IN2, R>): SingleOutputStreamOperator<R> {
    this.requireMethods('Co-Map', 'CoMapFunction', coMapper, ['map1', 'map2']);
    return this.transform('Co-Map', perSubtaskOperator(coMapper, (copy) => new CoStreamMap(copy)));
  }

  /** Emits zero or more records through `out.collect` for each record of either input. */
  flatMap<R>(coFlatMapper: CoFlatMapFunction<IN1, IN2, R>): SingleOutputStreamOperator<R> {
    this.requireMethods('Co-Flat Map', 'CoFlatMapFunction', coFlatMapper, ['flatMap1', 'flatMap2']);
    return this.transform('Co-Flat Map', perSubtaskOperator(coFlatMapper, (copy) => new CoStreamFlatMap(copy)));
  }

  /** Adds a two-input operator reading both streams (Flink's ConnectedStreams.transform). */
  transform<R>(name: string, createOperator: OperatorFactory): SingleOutputStreamOperator<R> {
    const inputs = [...this.inputStream1.inputsFor(1), ...this.inputStream2.inputsFor(2)];
    const transformation = this.environment.addOperator({ name, inputs, createOperator, isSource: false, isParallel: true });
    return new SingleOutputStreamOperator<R>(this.environment, transformation);
  }

  /** A plain object or a class instance must carry a function for each input; a JavaScript caller may pass anything. */
  private requireMethods(operatorName: string, interfaceName: string, fn: object, methods: string[]): void {
    const missing = methods.filter((method) => typeof (fn as Record<string, unknown> | null)?.[method] !== 'function');
    if (missing.length === 0) return;
    throw new Error(
      `operator '${operatorName}' connecting ${this.inputStream1.describe()} and ${this.inputStream2.describe()}: ` +
        `the ${interfaceName} has no ${missing.join(' or ')} method (pass { ${methods.join(', ')} } or a Rich${interfaceName})`,
    );
  }
}
