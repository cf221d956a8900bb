// Timers of a keyed operator (Flink's InternalTimerService), for the current key and a
// namespace: a window operator uses the window, a KeyedProcessFunction's TimerService none.
// Registering the same (timestamp, key, namespace) twice leaves one timer.

export interface InternalTimerService<N> {
  currentProcessingTime(): number;
  /** -Infinity until the first watermark arrives. */
  currentWatermark(): number;
  registerProcessingTimeTimer(namespace: N, time: number): void;
  deleteProcessingTimeTimer(namespace: N, time: number): void;
  registerEventTimeTimer(namespace: N, time: number): void;
  deleteEventTimeTimer(namespace: N, time: number): void;
}
