// DataStream, SingleOutputStreamOperator and KeyedStream live in one module: each creates
// the others and two of them extend DataStream, which ES modules cannot split into files
// without an import cycle that breaks class evaluation order. ConnectedStreams and
// BroadcastConnectedStream extend none of them, so they have files of their own: the cycle
// with them is only through calls.
import type { PartitionerType } from '../exchange/partitioner.ts';
import type { InputIndex, OperatorFactory } from '../graph/stream-graph.ts';
import type { Transformation, TransformationInput } from '../graph/transformation.ts';
import { aggregator, type AggregationType, type FieldExpression } from '../operators/aggregators.ts';
import { StreamFilter } from '../operators/filter-operator.ts';
import { StreamFlatMap } from '../operators/flat-map-operator.ts';
import { StreamGroupedReduce } from '../operators/keyed-reduce-operator.ts';
import { StreamMap } from '../operators/map-operator.ts';
import { KeyedProcessOperator } from '../operators/keyed-process-operator.ts';
import { ProcessOperator } from '../operators/process-operator.ts';
import type { KeyedProcessFunction } from '../functions/keyed-process-function.ts';
import { OutputTag } from '../functions/output-tag.ts';
import type { Partitioner } from '../functions/partitioner.ts';
import type { ProcessFunction } from '../functions/process-function.ts';
import { StreamSink, type AnySinkFunction } from '../operators/sink-operator.ts';
import type { TwoPhaseCommitSinkFunction } from '../functions/two-phase-commit-sink-function.ts';
import { SinkWriterOperator } from '../operators/sink-writer-operator.ts';
import type { Sink } from '../connector/sink2/sink.ts';
import type { OneInputStreamOperator } from '../operators/stream-operator.ts';
import { TimestampsAndWatermarksOperator } from '../operators/timestamps-and-watermarks-operator.ts';
import type { WatermarkStrategy } from '../time/eventtime/watermark-strategy.ts';
import { PrintSink } from '../../connectors/print-sink.ts';
import { TextFileSink } from '../../connectors/text-file-sink.ts';
import { AllWindowedStream } from './all-windowed-stream.ts';
import { BroadcastConnectedStream } from './broadcast-connected-stream.ts';
import { BroadcastStream } from './broadcast-stream.ts';
import { CoGroupedStreams } from './co-grouped-streams.ts';
import { ConnectedStreams } from './connected-streams.ts';
import type { MapStateDescriptor } from '../state/map-state-descriptor.ts';
import { DataStreamSink } from './data-stream-sink.ts';
import { IntervalJoin } from './interval-join.ts';
import { JoinedStreams } from './joined-streams.ts';
import { keyFunction, type KeyExpression } from './key-function.ts';
import type { Collector, FilterFunction, FlatMapFunction, KeySelector, MapFunction, ReduceFunction, SinkFunction } from '../functions/functions.ts';
import { installOperatorSettings, type OperatorSettings } from './operator-settings.ts';
import { perSubtaskOperator } from './per-subtask-operator.ts';
import { requireMethods } from './require-methods.ts';
import type { StreamExecutionEnvironment } from './stream-execution-environment.ts';
import { WindowedStream } from './windowed-stream.ts';
import { GlobalWindows } from '../windowing/assigners/global-windows.ts';
import type { WindowAssigner } from '../windowing/assigners/window-assigner.ts';
import { CountEvictor } from '../windowing/evictors/count-evictor.ts';
import { CountTrigger } from '../windowing/triggers/count-trigger.ts';
import { PurgingTrigger } from '../windowing/triggers/purging-trigger.ts';
import type { GlobalWindow } from '../windowing/windows/global-window.ts';
import type { Window } from '../windowing/windows/window.ts';
import { CollectSinkOperator } from '../operators/collect-sink-operator.ts';
import { CollectedRecords } from './collected-records.ts';

/** One operator whose records the stream carries, and how they are partitioned to the stream's consumer. */
type Producer = Omit<TransformationInput, 'targetInput'>;

/**
 * A stream of records of type T. Transformations (`map`, `flatMap`, `filter`, `keyBy`, …)
 * return new streams; nothing runs until `env.execute()`. Every function argument may be a
 * lambda or an object implementing the function interface (e.g. a RichMapFunction subclass).
 */
export class DataStream<T> {
  /** @internal Streams are created by the environment and by transformations. */
  constructor(
    protected readonly environment: StreamExecutionEnvironment,
    /** One operator's output, or several after `union`: a consumer gets an input edge from each. */
    private readonly producers: readonly Producer[],
  ) {}

  getExecutionEnvironment(): StreamExecutionEnvironment {
    return this.environment;
  }

  /**
   * Merges this stream with streams of the same type into one. It is a bag union: a stream
   * unioned with itself carries each record twice. No operator is added: the consumer reads
   * every input, each keeping its own partitioning, and their parallelisms may differ.
   */
  union(...streams: DataStream<T>[]): DataStream<T> {
    if (streams.length === 0) throw new Error(`${this.describe()}: union() needs at least one stream to merge with`);
    for (const stream of streams) this.requireSameEnvironment(stream, 'union');
    return new DataStream<T>(this.environment, [this, ...streams].flatMap((stream) => stream.producers));
  }

  /**
   * Connects this stream with another, of any type, for one operator that reads both and
   * may share state between them: `map` and `flatMap` take a function per input. After
   * `keyBy` on both sides (or `ConnectedStreams.keyBy`), equal keys of both inputs meet in
   * one subtask.
   */
  connect<R>(other: DataStream<R>): ConnectedStreams<T, R>;
  /** With a broadcast stream: `process` takes a (Keyed)BroadcastProcessFunction. */
  connect<R>(other: BroadcastStream<R>): BroadcastConnectedStream<T, R>;
  connect<R>(other: DataStream<R> | BroadcastStream<R>): ConnectedStreams<T, R> | BroadcastConnectedStream<T, R> {
    if (other instanceof BroadcastStream) {
      this.requireSameEnvironment(other.broadcastedStream, 'connect');
      return new BroadcastConnectedStream(this.environment, this, other);
    }
    this.requireSameEnvironment(other, 'connect');
    return new ConnectedStreams(this.environment, this, other);
  }

  /** Joins this stream with `other` per key and window: `.where(key).equalTo(otherKey).window(assigner).apply(joinFunction)`. */
  join<T2>(other: DataStream<T2>): JoinedStreams<T, T2> {
    this.requireSameEnvironment(other, 'join');
    return new JoinedStreams(this, other);
  }

  /** Groups this stream's and `other`'s records per key and window: `.where(key).equalTo(otherKey).window(assigner).apply(coGroupFunction)`. */
  coGroup<T2>(other: DataStream<T2>): CoGroupedStreams<T, T2> {
    this.requireSameEnvironment(other, 'coGroup');
    return new CoGroupedStreams(this, other);
  }

  map<R>(mapper: MapFunction<T, R> | ((value: T) => R)): SingleOutputStreamOperator<R> {
    const fn = typeof mapper === 'function' ? { map: mapper } : mapper;
    return this.transform('Map', perSubtaskOperator(fn, (copy) => new StreamMap(copy)));
  }

  /** Emits zero or more records per input record through `out.collect`. */
  flatMap<R>(flatMapper: FlatMapFunction<T, R> | ((value: T, out: Collector<R>) => void)): SingleOutputStreamOperator<R> {
    const fn = typeof flatMapper === 'function' ? { flatMap: flatMapper } : flatMapper;
    return this.transform('Flat Map', perSubtaskOperator(fn, (copy) => new StreamFlatMap(copy)));
  }

  filter(predicate: FilterFunction<T> | ((value: T) => boolean)): SingleOutputStreamOperator<T> {
    const fn = typeof predicate === 'function' ? { filter: predicate } : predicate;
    return this.transform('Filter', perSubtaskOperator(fn, (copy) => new StreamFilter(copy)));
  }

  /**
   * Runs a ProcessFunction on each record: it may emit any number of records, emit to side
   * outputs (`ctx.output(tag, value)`) and read the time. Timers need a keyed stream
   * (`keyBy(...).process(...)`).
   */
  process<R>(processFunction: ProcessFunction<T, R>): SingleOutputStreamOperator<R> {
    requireMethods(processFunction, ['processElement'], `operator 'Process' on ${this.describe()}`, 'ProcessFunction', 'extend ProcessFunction');
    return this.transform('Process', perSubtaskOperator(processFunction, (copy) => new ProcessOperator(copy)));
  }

  /**
   * Partitions the stream by key: records with equal keys go to the same subtask, where
   * keyed operators (reduce, sum, …) keep their per-key state. The key is a selector, or
   * a field: an array index (tuple position) or a property name.
   */
  keyBy<K>(key: KeySelector<T, K> | ((value: T) => K)): KeyedStream<T, K>;
  keyBy(field: FieldExpression): KeyedStream<T, unknown>;
  keyBy<K>(key: KeyExpression<T, K>): KeyedStream<T, K | unknown> {
    return new KeyedStream(this.environment, this.producers, keyFunction(key));
  }

  /**
   * Stamps each record with the strategy's timestamp assigner and emits watermarks from its
   * WatermarkGenerator: periodic ones every auto-watermark interval (`env.getConfig()`),
   * punctuated ones as events arrive. Upstream watermarks are dropped, except the end of
   * input's, which ends event time so that every window fires.
   */
  assignTimestampsAndWatermarks(watermarkStrategy: WatermarkStrategy<T>): SingleOutputStreamOperator<T> {
    return this.transform('Timestamps/Watermarks', () => new TimestampsAndWatermarksOperator(watermarkStrategy));
  }

  /** Round-robin to all downstream subtasks. */
  rebalance(): DataStream<T> {
    return this.partitionedBy('rebalance');
  }

  /** To the downstream subtask of the same index; needs equal parallelism on both sides. */
  forward(): DataStream<T> {
    return this.partitionedBy('forward');
  }

  /**
   * Round-robin over a subset of the downstream subtasks (Flink's rescale): each subtask
   * sends to the consumers "near" it, so that p upstream and 2p downstream subtasks pair one
   * to two, without the all-to-all traffic of rebalance.
   */
  rescale(): DataStream<T> {
    return this.partitionedBy('rescale');
  }

  /**
   * Sends each record to the subtask `partitioner.partition(key, numPartitions)` chooses, the
   * key being a selector's result or a field (an array index or a property name).
   */
  partitionCustom<K>(partitioner: Partitioner<K> | ((key: K, numPartitions: number) => number), key: KeySelector<T, K> | ((value: T) => K)): DataStream<T>;
  partitionCustom(partitioner: Partitioner<unknown> | ((key: unknown, numPartitions: number) => number), field: FieldExpression): DataStream<T>;
  partitionCustom<K>(partitioner: Partitioner<K> | ((key: K, numPartitions: number) => number), key: KeyExpression<T, K>): DataStream<T> {
    const partition = typeof partitioner === 'function' ? partitioner : (k: K, n: number) => partitioner.partition(k, n);
    const keyOf = keyFunction(key);
    return new DataStream<T>(this.environment, repartition(this.producers, { partitioner: 'custom', channelSelector: (record: T, n: number) => partition(keyOf(record), n) }));
  }

  /** To a random downstream subtask. */
  shuffle(): DataStream<T> {
    return this.partitionedBy('shuffle');
  }

  /** To every downstream subtask. */
  broadcast(): DataStream<T>;
  /** A BroadcastStream whose consumers keep the broadcast states of `descriptors`. */
  broadcast(...descriptors: MapStateDescriptor<unknown, unknown>[]): BroadcastStream<T>;
  broadcast(...descriptors: MapStateDescriptor<unknown, unknown>[]): DataStream<T> | BroadcastStream<T> {
    const stream = this.partitionedBy('broadcast');
    return descriptors.length === 0 ? stream : new BroadcastStream(stream, descriptors);
  }

  /** To the first downstream subtask only. */
  global(): DataStream<T> {
    return this.partitionedBy('global');
  }

  /** Windows over the whole stream, not per key: the window operator runs at parallelism 1. */
  windowAll<W extends Window>(assigner: WindowAssigner<T, W>): AllWindowedStream<T, W> {
    return new AllWindowedStream(this, assigner);
  }

  /** Windows of `size` elements over the whole stream, every `slide` elements when given (see KeyedStream.countWindow). */
  countWindowAll(size: number, slide?: number): AllWindowedStream<T, GlobalWindow> {
    const windows = this.windowAll(GlobalWindows.create() as WindowAssigner<T, GlobalWindow>);
    return slide === undefined ? windows.trigger(PurgingTrigger.of(CountTrigger.of(size))) : windows.evictor(CountEvictor.of(size)).trigger(CountTrigger.of(slide));
  }

  /** Prints each record to stdout, prefixed "N> " (subtask N) when the sink is parallel, or "id:N> " with an identifier. */
  print(sinkIdentifier = ''): DataStreamSink<T> {
    return this.addSinkOperator('Print to Std. Out', () => new PrintSink<T>(1, sinkIdentifier));
  }

  printToErr(sinkIdentifier = ''): DataStreamSink<T> {
    return this.addSinkOperator('Print to Std. Err', () => new PrintSink<T>(2, sinkIdentifier));
  }

  /** Writes one line per record: to the file `path` at parallelism 1, else to files `path/1`, `path/2`, … */
  writeAsText(path: string): DataStreamSink<T> {
    return this.addSinkOperator('Text File Sink', () => new TextFileSink<T>(path));
  }

  addSink(sink: SinkFunction<T> | ((value: T) => void)): DataStreamSink<T>;
  addSink(sink: TwoPhaseCommitSinkFunction<T, any, any>): DataStreamSink<T>;
  addSink(sink: AnySinkFunction<T> | ((value: T) => void)): DataStreamSink<T> {
    const fn: AnySinkFunction<T> = typeof sink === 'function' ? { invoke: sink } : sink;
    return this.addSinkOperator('Unnamed', perSubtaskOperator(fn, (copy) => new StreamSink(copy)));
  }

  /** @internal The input edges of an operator that reads this stream on its input `targetInput`. */
  inputsFor(targetInput: InputIndex): TransformationInput[] {
    return this.producers.map((producer) => ({ ...producer, targetInput }));
  }

  /**
   * Flink's DataStream.transform: applies a one-input operator of your own, named `name`.
   * `createOperator` makes one instance per subtask.
   */
  transform<R>(name: string, createOperator: () => OneInputStreamOperator<T, R>): SingleOutputStreamOperator<R> {
    return new SingleOutputStreamOperator<R>(this.environment, this.addDownstream(name, createOperator));
  }

  /**
   * Runs the job, sending this stream's records back to `sluice run` (Flink's
   * executeAndCollect): await the result for an array of them, or iterate it with
   * `for await`. They come once the job has finished, each once also through restarts; with
   * `limit`, the first `limit` of them, and the job is cancelled once they have arrived. Code
   * after it runs in the client only, as after execute().
   */
  executeAndCollect(limit?: number): CollectedRecords<T>;
  executeAndCollect(jobName: string, limit?: number): CollectedRecords<T>;
  executeAndCollect(jobNameOrLimit?: string | number, maybeLimit?: number): CollectedRecords<T> {
    const [jobName, limit] = typeof jobNameOrLimit === 'number' ? [undefined, jobNameOrLimit] : [jobNameOrLimit, maybeLimit];
    if (limit !== undefined && (!Number.isInteger(limit) || limit < 1)) {
      throw new Error(`executeAndCollect: the limit must be a positive integer (got ${limit})`);
    }
    const sink = this.addSinkOperator('Collect Sink', () => new CollectSinkOperator<T>());
    sink.setParallelism(1);
    return new CollectedRecords(this.environment.executeAndCollectGraph(jobName, limit) as Promise<T[]>);
  }

  /** Flink's Sink v2 entry: a Sink such as FileSink (SinkFunctions go through addSink). */
  sinkTo(sink: Sink<T>): DataStreamSink<T> {
    return this.addSinkOperator('Sink: Writer', () => new SinkWriterOperator(sink));
  }

  private addSinkOperator(name: string, createOperator: () => OneInputStreamOperator<T, never>): DataStreamSink<T> {
    return new DataStreamSink<T>(this.addDownstream(name, createOperator));
  }

  private addDownstream(name: string, createOperator: OperatorFactory): Transformation {
    return this.environment.addOperator({ name, inputs: this.inputsFor(1), createOperator, isSource: false, isParallel: true });
  }

  private partitionedBy(partitioner: PartitionerType): DataStream<T> {
    return new DataStream<T>(this.environment, repartition(this.producers, { partitioner }));
  }

  /** @internal The stream's operator, or the operators of a union, for error messages. */
  describe(): string {
    const operators = this.producers.map(({ upstream }) => upstream.describe());
    return operators.length === 1 ? operators[0]! : `union of ${operators.join(', ')}`;
  }

  private requireSameEnvironment<R>(other: DataStream<R>, method: string): void {
    if (other.environment !== this.environment) {
      throw new Error(`${this.describe()}: cannot ${method} with ${other.describe()}, which belongs to another StreamExecutionEnvironment`);
    }
  }
}

/** The stream produced by one operator: its settings (parallelism, name, uid, chaining) are set here. */
export interface SingleOutputStreamOperator<T> extends OperatorSettings {}

export class SingleOutputStreamOperator<T> extends DataStream<T> {
  /** @internal Created by the environment (sources) and by transformations. */
  constructor(
    environment: StreamExecutionEnvironment,
    protected readonly transformation: Transformation,
  ) {
    super(environment, [{ upstream: transformation }]);
  }

  /**
   * The records this operator emitted to the side output `tag` (with `ctx.output(tag, value)`),
   * as a stream of their own. Only streams asking for a tag receive its records.
   */
  getSideOutput<X>(tag: OutputTag<X>): DataStream<X> {
    if (!(tag instanceof OutputTag)) throw new Error(`${this.transformation.describe()}: getSideOutput needs an OutputTag`);
    return new DataStream<X>(this.environment, [{ upstream: this.transformation, outputTag: tag.id }]);
  }

  /** Starts a new chain at this operator; later operators may still chain to it. */
  startNewChain(): this {
    this.transformation.chainingStrategy = 'head';
    return this;
  }
}

installOperatorSettings(SingleOutputStreamOperator);

/**
 * A stream partitioned by key (from `keyBy`). Its rolling aggregations emit, for every
 * record, the key's updated aggregate. `sum`, `min` and `max` change only the given field
 * of the first record seen for the key; `minBy` and `maxBy` emit the whole record holding
 * the extreme value (the earlier one on ties).
 */
export class KeyedStream<T, K> extends DataStream<T> {
  /** @internal Created by `DataStream.keyBy`. */
  constructor(
    environment: StreamExecutionEnvironment,
    producers: readonly Producer[],
    private readonly keySelector: (value: T) => K,
  ) {
    super(environment, repartition(producers, { partitioner: 'hash', keySelector }));
  }

  getKeySelector(): (value: T) => K {
    return this.keySelector;
  }

  /**
   * Runs a KeyedProcessFunction (or a ProcessFunction) per record, with the record's key
   * current: its keyed state and its event- and processing-time timers are per key.
   */
  override process<R>(processFunction: KeyedProcessFunction<K, T, R> | ProcessFunction<T, R>): SingleOutputStreamOperator<R> {
    requireMethods(processFunction, ['processElement'], `operator 'KeyedProcess' on ${this.describe()}`, 'KeyedProcessFunction', 'extend KeyedProcessFunction');
    return this.transform('KeyedProcess', perSubtaskOperator(processFunction, (copy) => new KeyedProcessOperator<K, T, R>(copy)));
  }

  /** Combines each record with the key's current value: `reduce(current, record)`. */
  reduce(reducer: ReduceFunction<T> | ((value1: T, value2: T) => T)): SingleOutputStreamOperator<T> {
    const fn = typeof reducer === 'function' ? { reduce: reducer } : reducer;
    return this.transform('Keyed Reduce', perSubtaskOperator(fn, (copy) => new StreamGroupedReduce(copy)));
  }

  /** Cuts each key's records into windows; a window function on the result evaluates them. */
  window<W extends Window>(assigner: WindowAssigner<T, W>): WindowedStream<T, K, W> {
    return new WindowedStream(this, assigner);
  }

  /**
   * Windows of `size` elements per key (GlobalWindows with a purging CountTrigger, as Flink
   * builds them); with `slide`, a window of the last `size` elements every `slide` elements.
   */
  countWindow(size: number, slide?: number): WindowedStream<T, K, GlobalWindow> {
    const windows = this.window(GlobalWindows.create() as WindowAssigner<T, GlobalWindow>);
    return slide === undefined ? windows.trigger(PurgingTrigger.of(CountTrigger.of(size))) : windows.evictor(CountEvictor.of(size)).trigger(CountTrigger.of(slide));
  }

  sum(field: FieldExpression): SingleOutputStreamOperator<T> {
    return this.aggregate('sum', field);
  }

  min(field: FieldExpression): SingleOutputStreamOperator<T> {
    return this.aggregate('min', field);
  }

  max(field: FieldExpression): SingleOutputStreamOperator<T> {
    return this.aggregate('max', field);
  }

  minBy(field: FieldExpression): SingleOutputStreamOperator<T> {
    return this.aggregate('minBy', field);
  }

  maxBy(field: FieldExpression): SingleOutputStreamOperator<T> {
    return this.aggregate('maxBy', field);
  }

  /**
   * Joins this stream's records with `other`'s of the same key whose timestamps lie within an
   * interval of theirs: `.between(lower, upper).process(fn)` (event time only).
   */
  intervalJoin<T2>(other: KeyedStream<T2, K>): IntervalJoin<T, T2, K> {
    return new IntervalJoin(this, other);
  }

  private aggregate(type: AggregationType, field: FieldExpression): SingleOutputStreamOperator<T> {
    return this.transform('Keyed Aggregation', () => new StreamGroupedReduce(aggregator<T>(type, field)));
  }
}

/** The same producers (each with its side output, if it is one) under a new partitioning. */
function repartition(producers: readonly Producer[], partitioning: Pick<Producer, 'partitioner' | 'keySelector' | 'channelSelector'>): Producer[] {
  return producers.map(({ upstream, outputTag }) => ({ upstream, outputTag, ...partitioning }));
}
