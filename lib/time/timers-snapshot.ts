// A timer service's timers of one key group as plain data, for checkpoints and rescaling.

/** One timer: when it fires, for which key and namespace. */
export type TimerSnapshot = [timestamp: number, key: unknown, namespace: unknown];

export interface TimersSnapshot {
  eventTimeTimers: TimerSnapshot[];
  processingTimeTimers: TimerSnapshot[];
}
