// A timer of a keyed operator (Flink's InternalTimer): it fires for one key and namespace (a
// window, or none) at a timestamp in event time or processing time.

export interface InternalTimer<K, N> {
  readonly timestamp: number;
  readonly key: K;
  readonly namespace: N;
}

/** A timer as its priority queue keeps it (Flink's TimerHeapInternalTimer). */
export interface TimerHeapInternalTimer<K, N> extends InternalTimer<K, N> {
  readonly keyGroup: number;
  /** Equal for two timers exactly when timestamp, key and namespace are equal by value. */
  readonly id: string;
  /** Registration order: timers with equal timestamps fire in the order they were registered. */
  readonly sequence: number;
  /** Position in the heap's array, so that a timer can be deleted without a search. */
  heapIndex: number;
}
