// The public API: what a job file imports as 'sluice'.
export { StreamExecutionEnvironment } from './stream-execution-environment.ts';
export { DataStream, SingleOutputStreamOperator, KeyedStream } from './data-stream.ts';
export { ConnectedStreams } from './connected-streams.ts';
export { DataStreamSink } from './data-stream-sink.ts';
export type {
  CoFlatMapFunction,
  CoMapFunction,
  Collector,
  FilterFunction,
  FlatMapFunction,
  KeySelector,
  MapFunction,
  ParallelSourceFunction,
  ReduceFunction,
  SinkContext,
  SinkFunction,
  SourceContext,
  SourceFunction,
} from '../functions/functions.ts';
export {
  AbstractRichFunction,
  RichCoFlatMapFunction,
  RichCoMapFunction,
  RichFilterFunction,
  RichFlatMapFunction,
  RichMapFunction,
  RichParallelSourceFunction,
  RichReduceFunction,
  RichSinkFunction,
  RichSourceFunction,
} from '../functions/rich-functions.ts';
export { StreamingRuntimeContext, type RuntimeContext } from '../functions/runtime-context.ts';
export { DoubleCounter, Histogram, IntCounter, LongCounter, type Accumulator } from '../functions/accumulators.ts';
// Metrics: getRuntimeContext().getMetricGroup().counter(name), gauge, histogram, meter.
export type { MetricGroup } from '../metrics/metric-group.ts';
export type { Counter, Gauge, Meter, Histogram as MetricHistogram, HistogramStatistics } from '../metrics/metric.ts';
export { SimpleCounter } from '../metrics/simple-counter.ts';
export { MeterView } from '../metrics/meter-view.ts';
export { DescriptiveStatisticsHistogram } from '../metrics/descriptive-statistics-histogram.ts';
export { ValueStateDescriptor } from '../state/value-state-descriptor.ts';
export type { State } from '../state/state.ts';
export type { ValueState } from '../state/value-state.ts';
export { Time } from './time.ts';
export { Boundedness, type Source } from '../connector/source/source.ts';
export { NumberSequenceSource } from '../../connectors/number-sequence-source.ts';
export { DataGeneratorSource, type GeneratorFunction } from '../../connectors/datagen/data-generator-source.ts';
export { RateLimiterStrategy } from '../../connectors/datagen/rate-limiter-strategy.ts';
export { TimeUnit } from './time-unit.ts';
export { AsyncDataStream } from './async-data-stream.ts';
export { AsyncTimeoutError, RichAsyncFunction, type AsyncFunction, type ResultFuture } from '../functions/async-function.ts';
export { AsyncRetryStrategies, RetryPredicates, type AsyncRetryPredicate, type AsyncRetryStrategy } from '../functions/async-retry-strategy.ts';
export { OutputTag } from '../functions/output-tag.ts';
export { JobExecutionResult } from './job-execution-result.ts';
export type { JobClient } from './job-client.ts';
export { JobStatus } from './job-status.ts';
export { RuntimeExecutionMode } from './runtime-execution-mode.ts';
export type { CollectedRecords } from './collected-records.ts';
// Time and watermarks (event-time branch).
export { ExecutionConfig } from '../settings/execution-config.ts';
export { GlobalJobParameters } from '../settings/global-job-parameters.ts';
export { ParameterTool } from '../settings/parameter-tool.ts';
export { MultipleParameterTool } from '../settings/multiple-parameter-tool.ts';
export { Duration } from '../time/duration.ts';
export * from '../time/eventtime/index.ts';
// Process functions, side outputs and custom partitioning (event-time branch).
export { ProcessFunction } from '../functions/process-function.ts';
export { KeyedProcessFunction } from '../functions/keyed-process-function.ts';
export { CoProcessFunction } from '../functions/co-process-function.ts';
export { KeyedCoProcessFunction } from '../functions/keyed-co-process-function.ts';
export { TimeDomain, type TimerService } from '../functions/timer-service.ts';
export type { Partitioner } from '../functions/partitioner.ts';
// State kinds (issue 9): list, map, reducing and aggregating keyed state.
export { ListStateDescriptor } from '../state/list-state-descriptor.ts';
export { MapStateDescriptor } from '../state/map-state-descriptor.ts';
export { ReducingStateDescriptor } from '../state/reducing-state-descriptor.ts';
export { AggregatingStateDescriptor } from '../state/aggregating-state-descriptor.ts';
export type { AggregateFunction } from '../functions/aggregate-function.ts';
export type { AppendingState, MergingState } from '../state/merging-state.ts';
export type { ListState } from '../state/list-state.ts';
export type { MapState } from '../state/map-state.ts';
export type { ReducingState } from '../state/reducing-state.ts';
export type { AggregatingState } from '../state/aggregating-state.ts';
export { StateTtlConfig } from '../state/ttl/state-ttl-config.ts';
// Operator state (issue 9): CheckpointedFunction with list and union list state.
export type { CheckpointedFunction, FunctionInitializationContext, FunctionSnapshotContext } from '../functions/checkpointed-function.ts';
export type { OperatorStateStore } from '../state/operator/operator-state-store.ts';
// Broadcast state (issue 9): broadcast(descriptors), (Keyed)BroadcastProcessFunction.
export { BroadcastStream } from './broadcast-stream.ts';
export { BroadcastConnectedStream } from './broadcast-connected-stream.ts';
export { BroadcastProcessFunction, type BroadcastContext, type BroadcastReadOnlyContext } from '../functions/broadcast-process-function.ts';
export { KeyedBroadcastProcessFunction, type KeyedBroadcastContext, type KeyedBroadcastReadOnlyContext, type KeyedStateFunction } from '../functions/keyed-broadcast-process-function.ts';
export type { BroadcastState, ReadOnlyBroadcastState } from '../state/operator/broadcast-state.ts';
// Checkpoints and recovery
export { CheckpointConfig, ExternalizedCheckpointCleanup, ExternalizedCheckpointRetention } from '../checkpoint/checkpoint-config.ts';
export { FileSystemCheckpointStorage, JobManagerCheckpointStorage } from '../checkpoint/checkpoint-storage-choices.ts';
export { CheckpointingMode } from '../checkpoint/checkpointing-mode.ts';
export { RestartStrategies, type RestartStrategyConfiguration } from '../restart/restart-strategies.ts';
// State backends (issue 9): env.setStateBackend(new HashMapStateBackend() | new EmbeddedLevelDBStateBackend()).
export type { StateBackend, StateBackendType } from '../state/state-backend.ts';
export { HashMapStateBackend } from '../state/heap/hash-map-state-backend.ts';
export { EmbeddedLevelDBStateBackend } from '../state/leveldb/embedded-leveldb-state-backend.ts';
// Windows: assigners, triggers, evictors, window functions (issue 8).
export { WindowedStream } from './windowed-stream.ts';
export { AllWindowedStream } from './all-windowed-stream.ts';
export { ProcessWindowFunction, type ProcessWindowFunctionContext } from '../functions/process-window-function.ts';
export { ProcessAllWindowFunction } from '../functions/process-all-window-function.ts';
export type { AllWindowFunction, WindowFunction } from '../functions/window-function.ts';
export { Window } from '../windowing/windows/window.ts';
export { TimeWindow } from '../windowing/windows/time-window.ts';
export { GlobalWindow } from '../windowing/windows/global-window.ts';
export { WindowAssigner, MergingWindowAssigner, type WindowAssignerContext } from '../windowing/assigners/window-assigner.ts';
export { TumblingEventTimeWindows } from '../windowing/assigners/tumbling-event-time-windows.ts';
export { TumblingProcessingTimeWindows } from '../windowing/assigners/tumbling-processing-time-windows.ts';
export { SlidingEventTimeWindows } from '../windowing/assigners/sliding-event-time-windows.ts';
export { SlidingProcessingTimeWindows } from '../windowing/assigners/sliding-processing-time-windows.ts';
export { EventTimeSessionWindows } from '../windowing/assigners/event-time-session-windows.ts';
export { ProcessingTimeSessionWindows } from '../windowing/assigners/processing-time-session-windows.ts';
export type { SessionWindowTimeGapExtractor } from '../windowing/assigners/session-windows.ts';
export { GlobalWindows } from '../windowing/assigners/global-windows.ts';
export { Trigger, type TriggerContext, type OnMergeContext } from '../windowing/triggers/trigger.ts';
export { TriggerResult } from '../windowing/triggers/trigger-result.ts';
export { EventTimeTrigger } from '../windowing/triggers/event-time-trigger.ts';
export { ProcessingTimeTrigger } from '../windowing/triggers/processing-time-trigger.ts';
export { CountTrigger } from '../windowing/triggers/count-trigger.ts';
export { PurgingTrigger } from '../windowing/triggers/purging-trigger.ts';
export { ContinuousEventTimeTrigger } from '../windowing/triggers/continuous-event-time-trigger.ts';
export { ContinuousProcessingTimeTrigger } from '../windowing/triggers/continuous-processing-time-trigger.ts';
export type { Evictor, EvictorContext } from '../windowing/evictors/evictor.ts';
export { TimestampedValue } from '../windowing/evictors/timestamped-value.ts';
export { CountEvictor } from '../windowing/evictors/count-evictor.ts';
export { TimeEvictor } from '../windowing/evictors/time-evictor.ts';
export { DeltaEvictor, type DeltaFunction } from '../windowing/evictors/delta-evictor.ts';
// Joins: interval join, window join and coGroup.
export { IntervalJoin, IntervalJoined } from './interval-join.ts';
export { ProcessJoinFunction, type ProcessJoinFunctionContext } from '../functions/process-join-function.ts';
export { JoinedStreams } from './joined-streams.ts';
export { CoGroupedStreams, type TaggedUnion } from './co-grouped-streams.ts';
export type { CoGroupFunction, FlatJoinFunction, JoinFunction } from '../functions/join-functions.ts';
export { RichCoGroupFunction, RichFlatJoinFunction, RichJoinFunction } from '../functions/join-functions.ts';
// Exactly-once sinks (issue 9): Sink v2 with FileSink, TwoPhaseCommitSinkFunction, CheckpointListener.
export type { CheckpointListener } from '../functions/checkpoint-listener.ts';
export type { Committer, PrecommittingSinkWriter, Sink, SinkWriter, SinkWriterContext, StatefulSink, StatefulSinkWriter, TwoPhaseCommittingSink, WriterInitContext } from '../connector/sink2/sink.ts';
export { FileSink, RowFormatBuilder } from '../../connectors/file-sink/file-sink.ts';
export { SimpleStringEncoder, type Encoder, type EncoderStream } from '../../connectors/file-sink/simple-string-encoder.ts';
export { OutputFileConfig, OutputFileConfigBuilder } from '../../connectors/file-sink/output-file-config.ts';
export type { PartFileInfo, RollingPolicy } from '../../connectors/file-sink/rolling-policy.ts';
export { DefaultRollingPolicy, DefaultRollingPolicyBuilder } from '../../connectors/file-sink/default-rolling-policy.ts';
export { OnCheckpointRollingPolicy } from '../../connectors/file-sink/on-checkpoint-rolling-policy.ts';
export type { BucketAssigner, BucketAssignerContext } from '../../connectors/file-sink/bucket-assigner.ts';
export { DateTimeBucketAssigner } from '../../connectors/file-sink/date-time-bucket-assigner.ts';
export { BasePathBucketAssigner } from '../../connectors/file-sink/base-path-bucket-assigner.ts';
export { TwoPhaseCommitSinkFunction } from '../functions/two-phase-commit-sink-function.ts';
// Timers in a KeyedBroadcastProcessFunction (issue 9, figures branch).
export type { KeyedBroadcastOnTimerContext } from '../functions/keyed-broadcast-process-function.ts';
