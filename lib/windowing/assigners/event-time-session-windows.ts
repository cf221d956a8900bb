// Flink's EventTimeSessionWindows: `.withGap(Time.minutes(10))` or `.withDynamicGap(extractor)`.
import { milliseconds, type TimeLength } from '../time-length.ts';
import { EVENT_TIME } from './assigner-time.ts';
import { SessionWindows, type SessionWindowTimeGapExtractor } from './session-windows.ts';

export class EventTimeSessionWindows<T = unknown> extends SessionWindows<T> {
  static withGap(gap: TimeLength): EventTimeSessionWindows {
    return new EventTimeSessionWindows(EVENT_TIME, milliseconds(gap, 'EventTimeSessionWindows.withGap'));
  }

  /** The gap in ms, per element. */
  static withDynamicGap<T>(extractor: SessionWindowTimeGapExtractor<T> | ((element: T) => number)): EventTimeSessionWindows<T> {
    return new EventTimeSessionWindows(EVENT_TIME, extractor);
  }
}
