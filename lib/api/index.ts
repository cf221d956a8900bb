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
export { ValueStateDescriptor } from '../state/value-state-descriptor.ts';
export type { State } from '../state/state.ts';
export type { ValueState } from '../state/value-state.ts';
export { Time } from './time.ts';
export { OutputTag } from '../functions/output-tag.ts';
export type { JobExecutionResult } from './job-context.ts';
// Time and watermarks (event-time branch).
export { ExecutionConfig } from './execution-config.ts';
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
export { CheckpointConfig, ExternalizedCheckpointCleanup } from '../checkpoint/checkpoint-config.ts';
export { CheckpointingMode } from '../checkpoint/checkpointing-mode.ts';
export { RestartStrategies, type RestartStrategyConfiguration } from '../restart/restart-strategies.ts';
