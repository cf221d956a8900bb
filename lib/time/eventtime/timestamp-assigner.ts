// Flink's TimestampAssigner: extracts an event's timestamp (ms since the epoch). `recordTimestamp`
// is the timestamp the record already carries, -Infinity when it has none.

export interface TimestampAssigner<T> {
  extractTimestamp(element: T, recordTimestamp: number): number;
}

/** A timestamp assigner as a lambda (Flink's SerializableTimestampAssigner). */
export type SerializableTimestampAssigner<T> = (element: T, recordTimestamp: number) => number;

/** Creates a fresh assigner for each operator instance, e.g. a stateful IngestionTimeAssigner (Flink's TimestampAssignerSupplier). */
export interface TimestampAssignerSupplier<T> {
  createTimestampAssigner(): TimestampAssigner<T>;
}
