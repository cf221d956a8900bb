// Flink's TumblingProcessingTimeWindows: windows by the operator's clock, not the records'.
import { milliseconds, type TimeLength } from '../time-length.ts';
import { PROCESSING_TIME } from './assigner-time.ts';
import { TumblingWindows } from './tumbling-windows.ts';

export class TumblingProcessingTimeWindows extends TumblingWindows {
  static of(size: TimeLength, offset?: TimeLength): TumblingProcessingTimeWindows {
    const where = 'TumblingProcessingTimeWindows.of';
    return new TumblingProcessingTimeWindows(PROCESSING_TIME, milliseconds(size, where), offset === undefined ? 0 : milliseconds(offset, where));
  }
}
