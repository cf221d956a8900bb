// Flink's BroadcastConnectedStream: a stream (input 1) connected with a BroadcastStream
// (input 2). `process` takes a BroadcastProcessFunction, or a KeyedBroadcastProcessFunction
// when the first stream is keyed.
import type { BroadcastProcessFunction } from '../functions/broadcast-process-function.ts';
import type { KeyedBroadcastProcessFunction } from '../functions/keyed-broadcast-process-function.ts';
import type { OperatorFactory } from '../graph/stream-graph.ts';
import { CoBroadcastWithKeyedOperator } from '../operators/co-broadcast-with-keyed-operator.ts';
import { CoBroadcastWithNonKeyedOperator } from '../operators/co-broadcast-with-non-keyed-operator.ts';
import type { BroadcastStream } from './broadcast-stream.ts';
import { KeyedStream, SingleOutputStreamOperator, type DataStream } from './data-stream.ts';
import { perSubtaskOperator } from './per-subtask-operator.ts';
import type { StreamExecutionEnvironment } from './stream-execution-environment.ts';

export class BroadcastConnectedStream<IN1, IN2> {
  /** @internal Created by `DataStream.connect(broadcastStream)`. */
  constructor(
    private readonly environment: StreamExecutionEnvironment,
    private readonly nonBroadcastStream: DataStream<IN1>,
    private readonly broadcastStream: BroadcastStream<IN2>,
  ) {}

  getFirstInput(): DataStream<IN1> {
    return this.nonBroadcastStream;
  }

  getSecondInput(): BroadcastStream<IN2> {
    return this.broadcastStream;
  }

  process<KS, OUT>(fn: KeyedBroadcastProcessFunction<KS, IN1, IN2, OUT>): SingleOutputStreamOperator<OUT>;
  process<OUT>(fn: BroadcastProcessFunction<IN1, IN2, OUT>): SingleOutputStreamOperator<OUT>;
  process<OUT>(fn: BroadcastProcessFunction<IN1, IN2, OUT> | KeyedBroadcastProcessFunction<unknown, IN1, IN2, OUT>): SingleOutputStreamOperator<OUT> {
    const missing = ['processElement', 'processBroadcastElement'].filter((method) => typeof (fn as unknown as Record<string, unknown> | null)?.[method] !== 'function');
    if (missing.length > 0) {
      throw new Error(`operator 'Co-Process-Broadcast' connecting ${this.nonBroadcastStream.describe()} with a broadcast stream: the function has no ${missing.join(' or ')} method`);
    }
    const descriptors = this.broadcastStream.getBroadcastStateDescriptors();
    if (this.nonBroadcastStream instanceof KeyedStream) {
      return this.transform('Co-Process-Broadcast-Keyed', perSubtaskOperator(fn as KeyedBroadcastProcessFunction<unknown, IN1, IN2, OUT>, (copy) => new CoBroadcastWithKeyedOperator(copy, descriptors)));
    }
    return this.transform('Co-Process-Broadcast', perSubtaskOperator(fn as BroadcastProcessFunction<IN1, IN2, OUT>, (copy) => new CoBroadcastWithNonKeyedOperator(copy, descriptors)));
  }

  private transform<R>(name: string, createOperator: OperatorFactory): SingleOutputStreamOperator<R> {
    const inputs = [...this.nonBroadcastStream.inputsFor(1), ...this.broadcastStream.broadcastedStream.inputsFor(2)];
    const transformation = this.environment.addOperator({ name, inputs, createOperator, isSource: false, isParallel: true });
    return new SingleOutputStreamOperator<R>(this.environment, transformation);
  }
}
