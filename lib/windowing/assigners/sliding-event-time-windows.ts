// Flink's SlidingEventTimeWindows: `SlidingEventTimeWindows.of(Time.seconds(10), Time.seconds(5))`.
import { EventTimeTrigger } from '../triggers/event-time-trigger.ts';
import type { Trigger } from '../triggers/trigger.ts';
import { milliseconds, type TimeLength } from '../time-length.ts';
import type { TimeWindow } from '../windows/time-window.ts';
import { SlidingWindows } from './sliding-windows.ts';
import { eventTimestamp } from './window-assigner.ts';

export class SlidingEventTimeWindows extends SlidingWindows {
  static of(size: TimeLength, slide: TimeLength, offset?: TimeLength): SlidingEventTimeWindows {
    const where = 'SlidingEventTimeWindows.of';
    return new SlidingEventTimeWindows(milliseconds(size, where), milliseconds(slide, where), offset === undefined ? 0 : milliseconds(offset, where));
  }

  protected timeOf(timestamp: number | undefined): number {
    return eventTimestamp(timestamp, this);
  }

  getDefaultTrigger(): Trigger<unknown, TimeWindow> {
    return EventTimeTrigger.create();
  }

  isEventTime(): boolean {
    return true;
  }
}
