// Flink's EventTimeSessionWindows: `.withGap(Time.minutes(10))` or `.withDynamicGap(extractor)`.
import { EventTimeTrigger } from '../triggers/event-time-trigger.ts';
import type { Trigger } from '../triggers/trigger.ts';
import { milliseconds, type TimeLength } from '../time-length.ts';
import type { TimeWindow } from '../windows/time-window.ts';
import { SessionWindows, type SessionWindowTimeGapExtractor } from './session-windows.ts';
import { eventTimestamp } from './window-assigner.ts';

export class EventTimeSessionWindows<T = unknown> extends SessionWindows<T> {
  static withGap(gap: TimeLength): EventTimeSessionWindows {
    return new EventTimeSessionWindows(milliseconds(gap, 'EventTimeSessionWindows.withGap'));
  }

  /** The gap in ms, per element. */
  static withDynamicGap<T>(extractor: SessionWindowTimeGapExtractor<T> | ((element: T) => number)): EventTimeSessionWindows<T> {
    return new EventTimeSessionWindows(extractor);
  }

  protected timeOf(timestamp: number | undefined): number {
    return eventTimestamp(timestamp, this);
  }

  getDefaultTrigger(): Trigger<T, TimeWindow> {
    return EventTimeTrigger.create();
  }

  isEventTime(): boolean {
    return true;
  }

  override toString(): string {
    return 'EventTimeSessionWindows';
  }
}
