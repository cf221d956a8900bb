// The queue of an AsyncWaitOperator (Flink's StreamElementQueue): the inputs whose requests
// are in flight or whose results wait to be emitted, and the watermarks between them. The
// ordered queue emits in input order; the unordered one as results complete, but never
// across a watermark, so that no record overtakes the watermark before it or is overtaken
// by the watermark after it.

/** One input record and, once its request completed, the records to emit for it. */
export interface RecordEntry<OUT> {
  readonly kind: 'record';
  readonly value: unknown;
  readonly timestamp: number | undefined;
  results?: OUT[];
}

export interface WatermarkEntry {
  readonly kind: 'watermark';
  readonly timestamp: number;
}

export type QueueEntry<OUT> = RecordEntry<OUT> | WatermarkEntry;

export interface StreamElementQueue<OUT> {
  /** Records and watermarks held: what the operator's capacity bounds. */
  readonly size: number;
  put(entry: QueueEntry<OUT>): void;
  /** `entry` got its results. */
  completed(entry: RecordEntry<OUT>): void;
  /** Hands every entry that may go out now to `emit`, and forgets it. */
  emitCompleted(emit: (entry: QueueEntry<OUT>) => void): void;
  /** The entries held, in input order: what a checkpoint stores. */
  values(): QueueEntry<OUT>[];
}
