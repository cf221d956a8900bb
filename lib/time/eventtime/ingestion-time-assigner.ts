// Flink's IngestionTimeAssigner: ingestion time, the wall clock at the assigner, never decreasing.
// Use it with monotonous watermarks:
// `WatermarkStrategy.forMonotonousTimestamps().withTimestampAssigner({ createTimestampAssigner: () => new IngestionTimeAssigner() })`.
import type { TimestampAssigner } from './timestamp-assigner.ts';

export class IngestionTimeAssigner<T> implements TimestampAssigner<T> {
  private maxTimestamp = Number.NEGATIVE_INFINITY;

  extractTimestamp(_element: T, _recordTimestamp: number): number {
    this.maxTimestamp = Math.max(Date.now(), this.maxTimestamp);
    return this.maxTimestamp;
  }
}
