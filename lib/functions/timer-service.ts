// What a process function's context offers for time (Flink's TimerService): the clocks, and
// timers for the current key. Timers exist only on keyed streams; a timer registered twice for
// the same key and time fires once.

export interface TimerService {
  currentProcessingTime(): number;
  /** The operator's event-time watermark; -Infinity before the first. */
  currentWatermark(): number;
  /** `onTimer` is called with the current key once the processing-time clock reaches `time`. */
  registerProcessingTimeTimer(time: number): void;
  /** `onTimer` is called with the current key once the watermark reaches `time`. */
  registerEventTimeTimer(time: number): void;
  deleteProcessingTimeTimer(time: number): void;
  deleteEventTimeTimer(time: number): void;
}

/** Which clock fired a timer (Flink's TimeDomain). */
export const TimeDomain = {
  EVENT_TIME: 'EVENT_TIME',
  PROCESSING_TIME: 'PROCESSING_TIME',
} as const;

export type TimeDomain = (typeof TimeDomain)[keyof typeof TimeDomain];
