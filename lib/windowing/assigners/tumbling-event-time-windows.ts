// Flink's TumblingEventTimeWindows: `TumblingEventTimeWindows.of(Time.seconds(5))`.
import { EventTimeTrigger } from '../triggers/event-time-trigger.ts';
import type { Trigger } from '../triggers/trigger.ts';
import { milliseconds, type TimeLength } from '../time-length.ts';
import type { TimeWindow } from '../windows/time-window.ts';
import { TumblingWindows } from './tumbling-windows.ts';
import { eventTimestamp } from './window-assigner.ts';

export class TumblingEventTimeWindows extends TumblingWindows {
  static of(size: TimeLength, offset?: TimeLength): TumblingEventTimeWindows {
    const where = 'TumblingEventTimeWindows.of';
    return new TumblingEventTimeWindows(milliseconds(size, where), offset === undefined ? 0 : milliseconds(offset, where));
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
