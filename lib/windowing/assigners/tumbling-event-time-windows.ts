// Flink's TumblingEventTimeWindows: `TumblingEventTimeWindows.of(Time.seconds(5))`.
import { milliseconds, type TimeLength } from '../time-length.ts';
import { EVENT_TIME } from './assigner-time.ts';
import { TumblingWindows } from './tumbling-windows.ts';

export class TumblingEventTimeWindows extends TumblingWindows {
  static of(size: TimeLength, offset?: TimeLength): TumblingEventTimeWindows {
    const where = 'TumblingEventTimeWindows.of';
    return new TumblingEventTimeWindows(EVENT_TIME, milliseconds(size, where), offset === undefined ? 0 : milliseconds(offset, where));
  }
}
