// Flink's SlidingEventTimeWindows: `SlidingEventTimeWindows.of(Time.seconds(10), Time.seconds(5))`.
import { milliseconds, type TimeLength } from '../time-length.ts';
import { EVENT_TIME } from './assigner-time.ts';
import { SlidingWindows } from './sliding-windows.ts';

export class SlidingEventTimeWindows extends SlidingWindows {
  static of(size: TimeLength, slide: TimeLength, offset?: TimeLength): SlidingEventTimeWindows {
    const where = 'SlidingEventTimeWindows.of';
    return new SlidingEventTimeWindows(EVENT_TIME, milliseconds(size, where), milliseconds(slide, where), offset === undefined ? 0 : milliseconds(offset, where));
  }
}
