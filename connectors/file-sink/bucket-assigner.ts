// Flink's BucketAssigner: which bucket (a subdirectory of the FileSink's base path) a record
// is written to. The empty bucket id is the base path itself.

/** Flink's BucketAssigner.Context: the time of the record being assigned. */
export interface BucketAssignerContext {
  currentProcessingTime(): number;
  currentWatermark(): number;
  /** The record's event timestamp, if it has one. */
  timestamp(): number | undefined;
}

export interface BucketAssigner<IN> {
  getBucketId(element: IN, context: BucketAssignerContext): string;
}
