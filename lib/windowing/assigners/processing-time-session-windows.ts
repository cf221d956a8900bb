// Flink's ProcessingTimeSessionWindows: sessions by the operator's clock.
import { milliseconds, type TimeLength } from '../time-length.ts';
import { PROCESSING_TIME } from './assigner-time.ts';
import { SessionWindows, type SessionWindowTimeGapExtractor } from './session-windows.ts';

export class ProcessingTimeSessionWindows<T = unknown> extends SessionWindows<T> {
  static withGap(gap: TimeLength): ProcessingTimeSessionWindows {
    return new ProcessingTimeSessionWindows(PROCESSING_TIME, milliseconds(gap, 'ProcessingTimeSessionWindows.withGap'));
  }

  /** The gap in ms, per element. */
  static withDynamicGap<T>(extractor: SessionWindowTimeGapExtractor<T> | ((element: T) => number)): ProcessingTimeSessionWindows<T> {
    return new ProcessingTimeSessionWindows(PROCESSING_TIME, extractor);
  }
}
