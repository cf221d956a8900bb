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
// Joins: interval join (window join and coGroup come with windows).
export { IntervalJoin, IntervalJoined } from './interval-join.ts';
export { ProcessJoinFunction, type ProcessJoinFunctionContext } from '../functions/process-join-function.ts';
