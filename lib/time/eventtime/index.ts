// Event time as a job declares it (Flink's org.apache.flink.api.common.eventtime).
export { WatermarkStrategy, type TimestampAssignerLike } from './watermark-strategy.ts';
export { Watermark } from './watermark.ts';
export type { WatermarkOutput } from './watermark-output.ts';
export type { RelativeClock, WatermarkGenerator, WatermarkGeneratorSupplier, WatermarkGeneratorSupplierContext } from './watermark-generator.ts';
export type { SerializableTimestampAssigner, TimestampAssigner, TimestampAssignerSupplier } from './timestamp-assigner.ts';
export { RecordTimestampAssigner } from './record-timestamp-assigner.ts';
export { IngestionTimeAssigner } from './ingestion-time-assigner.ts';
export { BoundedOutOfOrdernessWatermarks } from './bounded-out-of-orderness-watermarks.ts';
export { AscendingTimestampsWatermarks } from './ascending-timestamps-watermarks.ts';
export { NoWatermarksGenerator } from './no-watermarks-generator.ts';
export { WatermarksWithIdleness } from './watermarks-with-idleness.ts';
