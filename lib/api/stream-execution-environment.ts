// The entry point of a job: declares sources, holds job-wide settings, and hands the built
// StreamGraph to whatever evaluates the job (`sluice run`, or a TaskManager rebuilding it).
import { checkRuntimeMode, resolveRuntimeMode, RuntimeExecutionMode, runtimeModeFromConfiguration } from './runtime-execution-mode.ts';
import { NumberSequenceSource } from '../../connectors/number-sequence-source.ts';
import { Boundedness, type Source } from '../connector/source/source.ts';
import { isNoWatermarks, WatermarkStrategy } from '../time/eventtime/watermark-strategy.ts';
import { CollectionSource } from '../../connectors/collection-source.ts';
import { SocketTextSource } from '../../connectors/socket-text-source.ts';
import { TextFileSource } from '../../connectors/text-file-source.ts';
import { CheckpointConfig } from '../checkpoint/checkpoint-config.ts';
import { CheckpointingMode } from '../checkpoint/checkpointing-mode.ts';
import type { OperatorFactory, StreamGraph } from '../graph/stream-graph.ts';
import type { RestartStrategyConfiguration } from '../restart/restart-strategies.ts';
import { restartStrategyFromConfiguration } from '../restart/restart-strategy-options.ts';
import { booleanOption, durationOption, firstKey, numberOption, type Configuration } from '../settings/configuration.ts';
import { failoverStrategyFromConfiguration, type FailoverStrategyName } from '../graph/failover-strategy-options.ts';
import type { StateBackend } from '../state/state-backend.ts';
import { stateBackendFromConfiguration } from '../state/state-backend-options.ts';
import { generateStreamGraph } from '../graph/stream-graph-generator.ts';
import { Transformation, type TransformationSpec } from '../graph/transformation.ts';
import { StreamSource } from '../operators/source-operator.ts';
import { SingleOutputStreamOperator } from './data-stream.ts';
import { ExecutionConfig } from '../settings/execution-config.ts';
import { executionPlan } from '../graph/execution-plan.ts';
import type { ParallelSourceFunction, SourceFunction } from '../functions/functions.ts';
import { currentJobContext } from './job-context.ts';
import type { JobClient } from './job-client.ts';
import type { JobExecutionResult } from './job-execution-result.ts';
import { perSubtaskOperator } from './per-subtask-operator.ts';

const defaultJobName = 'Sluice Streaming Job';

/**
 * Declares a streaming job, as in Flink:
 * ```ts
 * const env = StreamExecutionEnvironment.getExecutionEnvironment();
 * env.fromElements('a b', 'b').flatMap(...).keyBy(...).sum(1).print();
 * await env.execute('WordCount');
 * ```
 * The job module is evaluated by the client and again by every TaskManager, which must all
 * build the same graph: a job may read `process.argv`/`process.env`, but must not make its
 * pipeline depend on anything that differs between evaluations (time, randomness, files
 * that change).
 */
export class StreamExecutionEnvironment {
  private readonly transformations: Transformation[] = [];
  private parallelism: number;
  private maxParallelism = 128;
  private bufferTimeoutMs = 5;
  private chainingEnabled = true;
  private readonly config = new ExecutionConfig();
  private readonly checkpointConfig = new CheckpointConfig();
  private restartStrategy?: RestartStrategyConfiguration;
  private failoverStrategy?: FailoverStrategyName;
  private stateBackend?: StateBackend;
  private runtimeMode: RuntimeExecutionMode = RuntimeExecutionMode.STREAMING;

  private constructor(defaultParallelism: number) {
    this.parallelism = defaultParallelism;
  }

  /**
   * A new environment; its default parallelism is `sluice run --parallelism`, else 1. It is
   * configured (see configure()) by `sluice run -D key=value`, then by `configuration`.
   */
  static getExecutionEnvironment(configuration: Configuration = {}): StreamExecutionEnvironment {
    const context = currentJobContext();
    return new StreamExecutionEnvironment(context?.defaultParallelism ?? 1).configure({ ...context?.configuration, ...configuration });
  }

  /**
   * Flink's createLocalEnvironment: `sluice run` without `--cluster` is the local environment,
   * so this is getExecutionEnvironment with `parallelism` set when given. Unlike Flink, the
   * default is not the machine's core count: every evaluation of a job (client and TaskManagers)
   * must build the same graph.
   */
  static createLocalEnvironment(parallelismOrConfiguration?: number | Configuration): StreamExecutionEnvironment {
    if (typeof parallelismOrConfiguration !== 'number') return StreamExecutionEnvironment.getExecutionEnvironment(parallelismOrConfiguration);
    return StreamExecutionEnvironment.getExecutionEnvironment().setParallelism(parallelismOrConfiguration);
  }

  /**
   * Applies Flink's configuration keys: `parallelism.default`, `pipeline.max-parallelism`,
   * `pipeline.auto-watermark-interval`, `pipeline.operator-chaining.enabled`, `pipeline.object-reuse`,
   * `execution.buffer-timeout.interval`, the checkpointing keys (see CheckpointConfig.configure),
   * the restart strategy's (`restart-strategy: fixed-delay`, …),
   * `jobmanager.execution.failover-strategy`, `state.backend.type` and
   * `execution.runtime-mode`. Other keys are ignored, as Flink ignores keys it does not know.
   */
  configure(configuration: Configuration): this {
    if (configuration['parallelism.default'] !== undefined) this.setParallelism(numberOption(configuration, 'parallelism.default', 1));
    if (configuration['pipeline.max-parallelism'] !== undefined) this.setMaxParallelism(numberOption(configuration, 'pipeline.max-parallelism', 128));
    this.checkpointConfig.configure(configuration);
    if (configuration['pipeline.auto-watermark-interval'] !== undefined) {
      this.config.setAutoWatermarkInterval(durationOption(configuration, 'pipeline.auto-watermark-interval', '200 ms'));
    }
    const bufferTimeout = firstKey(configuration, ['execution.buffer-timeout.interval', 'execution.buffer-timeout']);
    if (bufferTimeout) this.setBufferTimeout(durationOption(configuration, bufferTimeout, '5 ms'));
    if (configuration['pipeline.object-reuse'] !== undefined) {
      if (booleanOption(configuration, 'pipeline.object-reuse', false)) this.config.enableObjectReuse();
      else this.config.disableObjectReuse();
    }
    const chaining = firstKey(configuration, ['pipeline.operator-chaining.enabled', 'pipeline.operator-chaining']);
    if (chaining && !booleanOption(configuration, chaining, true)) this.disableOperatorChaining();
    const runtimeMode = runtimeModeFromConfiguration(configuration);
    if (runtimeMode) this.runtimeMode = runtimeMode;
    const restartStrategy = restartStrategyFromConfiguration(configuration);
    if (restartStrategy) this.restartStrategy = restartStrategy;
    const failoverStrategy = failoverStrategyFromConfiguration(configuration);
    if (failoverStrategy) this.failoverStrategy = failoverStrategy;
    const stateBackend = stateBackendFromConfiguration(configuration);
    if (stateBackend) this.stateBackend = stateBackend;
    return this;
  }

  /**
   * STREAMING (the default), BATCH (a bounded job with batch results: keyed rolling reduces
   * and aggregations emit each key's final value only, no checkpoints) or AUTOMATIC (BATCH
   * when every source is bounded).
   */
  setRuntimeMode(mode: RuntimeExecutionMode): this {
    this.runtimeMode = checkRuntimeMode(mode, 'setRuntimeMode');
    return this;
  }

  /** The parallelism of every operator that does not set its own. */
  setParallelism(parallelism: number): this {
    if (!Number.isInteger(parallelism) || parallelism < 1) throw new Error(`environment: The parallelism must be at least 1 (got ${parallelism}).`);
    this.parallelism = parallelism;
    return this;
  }

  getParallelism(): number {
    return this.parallelism;
  }

  /** The default number of key groups (128): the upper bound for rescaling keyed state. */
  setMaxParallelism(maxParallelism: number): this {
    if (!Number.isInteger(maxParallelism) || maxParallelism < 1) throw new Error(`environment: The maximum parallelism must be at least 1 (got ${maxParallelism}).`);
    this.maxParallelism = maxParallelism;
    return this;
  }

  getMaxParallelism(): number {
    return this.maxParallelism;
  }

  /** How long (ms) a network channel may hold a partial batch before sending it (default 5). */
  setBufferTimeout(timeoutMs: number): this {
    if (!(timeoutMs >= 0)) throw new Error(`environment: the buffer timeout must be >= 0 ms (got ${timeoutMs})`);
    this.bufferTimeoutMs = timeoutMs;
    return this;
  }

  getBufferTimeout(): number {
    return this.bufferTimeoutMs;
  }

  /** The job-wide settings that reach the operators, e.g. `getConfig().setAutoWatermarkInterval(ms)`. */
  getConfig(): ExecutionConfig {
    return this.config;
  }

  /** Runs every operator in a task of its own. */
  disableOperatorChaining(): this {
    this.chainingEnabled = false;
    return this;
  }

  /** Checkpoints every `intervalMs`, exactly-once (aligned) unless told otherwise; tune them through getCheckpointConfig(). */
  enableCheckpointing(intervalMs: number, mode: CheckpointingMode = CheckpointingMode.EXACTLY_ONCE): this {
    this.checkpointConfig.setCheckpointInterval(intervalMs).setCheckpointingMode(mode);
    return this;
  }

  getCheckpointConfig(): CheckpointConfig {
    return this.checkpointConfig;
  }

  /** How the job recovers from failures (RestartStrategies.fixedDelayRestart(...), …). */
  setRestartStrategy(restartStrategy: RestartStrategyConfiguration): this {
    this.restartStrategy = restartStrategy;
    return this;
  }

  /**
   * Where the job's keyed state lives: `new HashMapStateBackend()` (the heap) or
   * `new EmbeddedLevelDBStateBackend()` (local disk). Without one, the cluster's default.
   */
  setStateBackend(stateBackend: StateBackend): this {
    this.stateBackend = stateBackend;
    return this;
  }

  /** The job's state backend; undefined when the cluster's default applies. */
  getStateBackend(): StateBackend | undefined {
    return this.stateBackend;
  }

  /** A non-parallel source emitting the given elements in order. */
  fromElements<T>(...elements: T[]): SingleOutputStreamOperator<T> {
    return this.fromCollection(elements);
  }

  /**
   * Flink 1.19's fromData, which replaces fromElements and fromCollection: `fromData(a, b, c)`
   * emits the elements, and `fromData(array)` (one array, like Java's Collection overload) or
   * `fromData(iterable)` emits its elements. A stream of one tuple: `fromElements([1, 'a'])`.
   */
  fromData<T>(collection: Iterable<T>): SingleOutputStreamOperator<T>;
  fromData<T>(...elements: T[]): SingleOutputStreamOperator<T>;
  fromData<T>(...elements: unknown[]): SingleOutputStreamOperator<T> {
    const [only] = elements;
    const isCollection = elements.length === 1 && typeof only === 'object' && only !== null && Symbol.iterator in only;
    return this.fromCollection((isCollection ? only : elements) as Iterable<T>);
  }

  /** A non-parallel source emitting the collection's elements in order (read when the job is declared). */
  fromCollection<T>(collection: Iterable<T>): SingleOutputStreamOperator<T> {
    const elements = Array.from(collection);
    return this.source('Collection Source', () => new CollectionSource(elements), { isParallel: false, isBounded: true });
  }

  /**
   * A parallel source of the integers `from` … `to`, both included: each subtask emits a
   * contiguous part of the range in ascending order. Its position is checkpointed.
   */
  fromSequence(from: number, to: number): SingleOutputStreamOperator<number> {
    if (from > to) throw new Error(`fromSequence(${from}, ${to}): 'from' must be <= 'to'`);
    return this.fromSource(new NumberSequenceSource(from, to), WatermarkStrategy.noWatermarks(), 'Sequence Source');
  }

  /**
   * Flink's fromSource: a Source (NumberSequenceSource, DataGeneratorSource, FileSource-like
   * connectors) read in parallel, each subtask its own reader, its position checkpointed. A
   * watermark strategy other than `noWatermarks()` stamps the records and emits watermarks
   * in the source operator itself, as in Flink.
   */
  fromSource<T>(source: Source<T>, watermarkStrategy: WatermarkStrategy<T>, sourceName: string): SingleOutputStreamOperator<T> {
    if (typeof (source as Partial<Source<T>> | undefined)?.createReader !== 'function') {
      throw new Error(`fromSource '${sourceName}': not a Source (such as NumberSequenceSource or DataGeneratorSource)`);
    }
    const strategy = isNoWatermarks(watermarkStrategy) ? undefined : watermarkStrategy;
    return this.source<T>(sourceName, () => new StreamSource(source.createReader(), strategy), { isParallel: true, isBounded: source.getBoundedness() === Boundedness.BOUNDED });
  }

  /** A non-parallel source emitting the file's lines; a relative path resolves against the job's directory. */
  readTextFile(path: string): SingleOutputStreamOperator<string> {
    return this.source('Read Text File Source', () => new TextFileSource(path), { isParallel: false, isBounded: true });
  }

  /** A non-parallel source emitting the text between delimiters received on a TCP connection (at-most-once). */
  socketTextStream(hostname: string, port: number, delimiter = '\n'): SingleOutputStreamOperator<string> {
    return this.source('Socket Stream', () => new SocketTextSource(hostname, port, delimiter), { isParallel: false });
  }

  /**
   * A user source. It runs with parallelism 1 unless it is a ParallelSourceFunction (e.g.
   * extends RichParallelSourceFunction). Its `run` should `await ctx.collect(x)`.
   */
  addSource<T>(sourceFunction: SourceFunction<T> | ParallelSourceFunction<T>, name = 'Custom Source'): SingleOutputStreamOperator<T> {
    const isParallel = (sourceFunction as Partial<ParallelSourceFunction<T>>).parallel === true;
    return this.source(name, perSubtaskOperator(sourceFunction, (copy) => new StreamSource(copy)), { isParallel });
  }

  /** The graph the job declared so far. */
  getStreamGraph(jobName = defaultJobName): StreamGraph {
    const unboundedSources = this.transformations.filter((t) => t.isSource && !t.isBounded).map((t) => `'${t.name}'`);
    const runtimeMode = resolveRuntimeMode(this.runtimeMode, unboundedSources);
    return generateStreamGraph(this.transformations, {
      jobName,
      parallelism: this.parallelism,
      maxParallelism: this.maxParallelism,
      bufferTimeoutMs: this.bufferTimeoutMs,
      chainingEnabled: this.chainingEnabled,
      autoWatermarkInterval: this.config.getAutoWatermarkInterval(),
      // Flink's batch execution takes no checkpoints: a failed task reruns from the start of its input.
      checkpointing: runtimeMode === 'BATCH' ? undefined : this.checkpointConfig.toSettings(),
      restartStrategy: this.restartStrategy,
      failoverStrategy: this.failoverStrategy,
      stateBackend: this.stateBackend?.type,
      runtimeMode,
      globalJobParameters: this.config.getGlobalJobParameters(),
    });
  }

  /** The job's StreamGraph as Flink's JSON execution plan, for its plan visualizer; the job is not run. */
  getExecutionPlan(): string {
    return executionPlan(this.getStreamGraph());
  }

  /** Builds the job's graph and runs it through the job context `sluice run` installed. */
  async execute(jobName = defaultJobName): Promise<JobExecutionResult> {
    const context = currentJobContext();
    if (!context) throw new Error('No Sluice job context: run this job with `sluice run <file>`');
    return context.execute(this.getStreamGraph(jobName));
  }

  /**
   * Builds the job's graph and submits it, as Flink's executeAsync: resolves to a JobClient as
   * soon as the job is submitted, and the job file's code goes on while the job runs.
   */
  async executeAsync(jobName = defaultJobName): Promise<JobClient> {
    const context = currentJobContext();
    if (!context) throw new Error('No Sluice job context: run this job with `sluice run <file>`');
    return context.executeAsync(this.getStreamGraph(jobName));
  }

  /** @internal DataStream.executeAndCollect, once its collect sink is in the graph. */
  executeAndCollectGraph(jobName: string | undefined, limit: number | undefined): Promise<unknown[]> {
    const context = currentJobContext();
    if (!context) return Promise.reject(new Error('No Sluice job context: run this job with `sluice run <file>`'));
    return context.executeAndCollect(this.getStreamGraph(jobName ?? defaultJobName), limit);
  }

  /** @internal Records an operator; its auto id follows creation order. */
  addOperator(spec: Omit<TransformationSpec, 'autoId'>): Transformation {
    const transformation = new Transformation({ ...spec, autoId: `op-${this.transformations.length + 1}` });
    this.transformations.push(transformation);
    return transformation;
  }

  private source<T>(name: string, createOperator: OperatorFactory, kind: Pick<TransformationSpec, 'isParallel' | 'isBounded'>): SingleOutputStreamOperator<T> {
    return new SingleOutputStreamOperator<T>(this, this.addOperator({ name, inputs: [], createOperator, isSource: true, ...kind }));
  }
}

