// A task's wall clock and its timers (Flink's ProcessingTimeService).

/** A registered timer; cancelling one that has fired does nothing. */
export interface Cancellable {
  cancel(): void;
}

export interface ProcessingTimeService {
  /** Milliseconds since the epoch. */
  getCurrentProcessingTime(): number;
  /** Calls `callback(timestamp)` once the clock has reached `timestamp`. */
  registerTimer(timestamp: number, callback: (timestamp: number) => void): Cancellable;
  /** Cancels every pending timer; none registered later fires either. */
  shutdownService(): void;
}
