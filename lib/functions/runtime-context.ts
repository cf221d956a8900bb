// What a rich function learns about the subtask it runs in (Flink's RuntimeContext), and
// where it gets keyed state.
import type { AggregatingState } from '../state/aggregating-state.ts';
import type { AggregatingStateDescriptor } from '../state/aggregating-state-descriptor.ts';
import type { KeyedStateStore } from '../state/keyed-state-store.ts';
import type { ListState } from '../state/list-state.ts';
import type { ListStateDescriptor } from '../state/list-state-descriptor.ts';
import type { MapState } from '../state/map-state.ts';
import type { MapStateDescriptor } from '../state/map-state-descriptor.ts';
import type { ReducingState } from '../state/reducing-state.ts';
import type { ReducingStateDescriptor } from '../state/reducing-state-descriptor.ts';
import type { ValueState } from '../state/value-state.ts';
import type { ValueStateDescriptor } from '../state/value-state-descriptor.ts';
import { ScopedMetricGroup, type MetricGroup } from '../metrics/metric-group.ts';
import { ExecutionConfig } from '../settings/execution-config.ts';
import { AccumulatorRegistry } from './accumulator-registry.ts';
import { DoubleCounter, Histogram, IntCounter, LongCounter, type Accumulator } from './accumulators.ts';

export interface RuntimeContext {
  /** 0-based index of this parallel subtask. */
  getIndexOfThisSubtask(): number;
  getNumberOfParallelSubtasks(): number;
  /** The number of key groups: the upper bound for rescaling keyed state. */
  getMaxNumberOfParallelSubtasks(): number;
  /** The task's name (the chained operators' names joined by " -> "). */
  getTaskName(): string;
  getJobId(): string;
  /** 0 for the first execution, incremented on each restart. */
  getAttemptNumber(): number;
  /**
   * The state of the current key, created on first use. Only in an operator after keyBy():
   * there the runtime sets the current key before each record.
   */
  getState<T>(descriptor: ValueStateDescriptor<T>): ValueState<T>;
  getListState<T>(descriptor: ListStateDescriptor<T>): ListState<T>;
  getMapState<UK, UV>(descriptor: MapStateDescriptor<UK, UV>): MapState<UK, UV>;
  getReducingState<T>(descriptor: ReducingStateDescriptor<T>): ReducingState<T>;
  getAggregatingState<IN, ACC, OUT>(descriptor: AggregatingStateDescriptor<IN, ACC, OUT>): AggregatingState<IN, OUT>;
  /** Registers an accumulator of this subtask's task; a second one of the same name is refused. */
  addAccumulator<V, R>(name: string, accumulator: Accumulator<V, R>): void;
  getAccumulator<V, R>(name: string): Accumulator<V, R> | undefined;
  /** The task's IntCounter of that name, created on first use (so are the three below). */
  getIntCounter(name: string): IntCounter;
  getLongCounter(name: string): LongCounter;
  getDoubleCounter(name: string): DoubleCounter;
  getHistogram(name: string): Histogram;
  /** The job's ExecutionConfig, as `env.getConfig()` left it when the job was built. */
  getExecutionConfig(): ExecutionConfig;
  /** The job's global parameters (`env.getConfig().setGlobalJobParameters(...)`), read-only; empty when none were set. */
  getGlobalJobParameters(): ReadonlyMap<string, string>;
  /** The operator subtask's metric group, where the function registers counters, gauges, histograms and meters. */
  getMetricGroup(): MetricGroup;
}

/** The facts the runtime knows when it deploys a subtask. */
export interface SubtaskInfo {
  jobId: string;
  /** For metric scopes; the job id when not given. */
  jobName?: string;
  taskName: string;
  subtaskIndex: number;
  parallelism: number;
  maxParallelism: number;
  attemptNumber: number;
  /** The task's accumulators, shared by its chain's functions; reported when the task finishes. */
  accumulators?: AccumulatorRegistry;
  /** The job's; defaults when the subtask runs outside a job (a test harness). */
  executionConfig?: ExecutionConfig;
}

export class StreamingRuntimeContext implements RuntimeContext {
  private readonly accumulators: AccumulatorRegistry;
  private readonly executionConfig: ExecutionConfig;
  private metricGroup?: MetricGroup;

  constructor(
    private readonly info: SubtaskInfo,
    /** The operator the function belongs to, for errors. */
    private readonly operatorName: string = info.taskName,
    /** Present exactly when the operator is keyed. */
    private readonly keyedStateStore?: KeyedStateStore,
  ) {
    this.accumulators = info.accumulators ?? new AccumulatorRegistry();
    this.executionConfig = info.executionConfig ?? new ExecutionConfig();
  }

  addAccumulator<V, R>(name: string, accumulator: Accumulator<V, R>): void {
    this.accumulators.add(name, accumulator);
  }

  getAccumulator<V, R>(name: string): Accumulator<V, R> | undefined {
    return this.accumulators.get(name);
  }

  getIntCounter(name: string): IntCounter {
    return this.accumulators.getOrAdd(name, IntCounter);
  }

  getLongCounter(name: string): LongCounter {
    return this.accumulators.getOrAdd(name, LongCounter);
  }

  getDoubleCounter(name: string): DoubleCounter {
    return this.accumulators.getOrAdd(name, DoubleCounter);
  }

  getHistogram(name: string): Histogram {
    return this.accumulators.getOrAdd(name, Histogram);
  }

  getExecutionConfig(): ExecutionConfig {
    return this.executionConfig;
  }

  getGlobalJobParameters(): ReadonlyMap<string, string> {
    return this.executionConfig.getGlobalJobParameters().toMap();
  }

  getMetricGroup(): MetricGroup {
    const { jobId, jobName = jobId, taskName, subtaskIndex, attemptNumber } = this.info;
    return (this.metricGroup ??= ScopedMetricGroup.forOperator({ jobId, jobName, taskName, operatorName: this.operatorName, subtaskIndex, attemptNumber }));
  }

  getIndexOfThisSubtask(): number {
    return this.info.subtaskIndex;
  }

  getNumberOfParallelSubtasks(): number {
    return this.info.parallelism;
  }

  getMaxNumberOfParallelSubtasks(): number {
    return this.info.maxParallelism;
  }

  getTaskName(): string {
    return this.info.taskName;
  }

  getJobId(): string {
    return this.info.jobId;
  }

  getAttemptNumber(): number {
    return this.info.attemptNumber;
  }

  getState<T>(descriptor: ValueStateDescriptor<T>): ValueState<T> {
    return this.keyedStateStoreFor(descriptor.name).getState(descriptor);
  }

  getListState<T>(descriptor: ListStateDescriptor<T>): ListState<T> {
    return this.keyedStateStoreFor(descriptor.name).getListState(descriptor);
  }

  getMapState<UK, UV>(descriptor: MapStateDescriptor<UK, UV>): MapState<UK, UV> {
    return this.keyedStateStoreFor(descriptor.name).getMapState(descriptor);
  }

  getReducingState<T>(descriptor: ReducingStateDescriptor<T>): ReducingState<T> {
    return this.keyedStateStoreFor(descriptor.name).getReducingState(descriptor);
  }

  getAggregatingState<IN, ACC, OUT>(descriptor: AggregatingStateDescriptor<IN, ACC, OUT>): AggregatingState<IN, OUT> {
    return this.keyedStateStoreFor(descriptor.name).getAggregatingState(descriptor);
  }

  private keyedStateStoreFor(stateName: string): KeyedStateStore {
    if (this.keyedStateStore) return this.keyedStateStore;
    const { taskName, subtaskIndex, parallelism } = this.info;
    throw new Error(`Keyed state can only be used on a 'keyed stream', i.e., after a 'keyBy()' operation: state "${stateName}" requested by operator "${this.operatorName}" of task "${taskName} (${subtaskIndex + 1}/${parallelism})"`);
  }
}
