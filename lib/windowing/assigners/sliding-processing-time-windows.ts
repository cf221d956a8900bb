// Flink's SlidingProcessingTimeWindows: sliding windows by the operator's clock.
import { ProcessingTimeTrigger } from '../triggers/processing-time-trigger.ts';
import type { Trigger } from '../triggers/trigger.ts';
import { milliseconds, type TimeLength } from '../time-length.ts';
import type { TimeWindow } from '../windows/time-window.ts';
import { SlidingWindows } from './sliding-windows.ts';
import type { WindowAssignerContext } from './window-assigner.ts';

export class SlidingProcessingTimeWindows extends SlidingWindows {
  static of(size: TimeLength, slide: TimeLength, offset?: TimeLength): SlidingProcessingTimeWindows {
    const where = 'SlidingProcessingTimeWindows.of';
    return new SlidingProcessingTimeWindows(milliseconds(size, where), milliseconds(slide, where), offset === undefined ? 0 : milliseconds(offset, where));
  }

  protected timeOf(_timestamp: number | undefined, context: WindowAssignerContext): number {
    return context.getCurrentProcessingTime();
  }

  getDefaultTrigger(): Trigger<unknown, TimeWindow> {
    return ProcessingTimeTrigger.create();
  }

  isEventTime(): boolean {
    return false;
  }
}
