// Flink's RecordTimestampAssigner: keeps the timestamp the record already has (e.g. one a source
// set with collectWithTimestamp). The default of a WatermarkStrategy without withTimestampAssigner.
import type { TimestampAssigner } from './timestamp-assigner.ts';

export class RecordTimestampAssigner<T> implements TimestampAssigner<T> {
  extractTimestamp(_element: T, recordTimestamp: number): number {
    return recordTimestamp;
  }
}
