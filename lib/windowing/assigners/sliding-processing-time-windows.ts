// Flink's SlidingProcessingTimeWindows: sliding windows by the operator's clock.
import { milliseconds, type TimeLength } from '../time-length.ts';
import { PROCESSING_TIME } from './assigner-time.ts';
import { SlidingWindows } from './sliding-windows.ts';

export class SlidingProcessingTimeWindows extends SlidingWindows {
  static of(size: TimeLength, slide: TimeLength, offset?: TimeLength): SlidingProcessingTimeWindows {
    const where = 'SlidingProcessingTimeWindows.of';
    return new SlidingProcessingTimeWindows(PROCESSING_TIME, milliseconds(size, where), milliseconds(slide, where), offset === undefined ? 0 : milliseconds(offset, where));
  }
}
