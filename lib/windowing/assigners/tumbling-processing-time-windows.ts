// Flink's TumblingProcessingTimeWindows: windows by the operator's clock, not the records'.
import { ProcessingTimeTrigger } from '../triggers/processing-time-trigger.ts';
import type { Trigger } from '../triggers/trigger.ts';
import { milliseconds, type TimeLength } from '../time-length.ts';
import type { TimeWindow } from '../windows/time-window.ts';
import { TumblingWindows } from './tumbling-windows.ts';
import type { WindowAssignerContext } from './window-assigner.ts';

export class TumblingProcessingTimeWindows extends TumblingWindows {
  static of(size: TimeLength, offset?: TimeLength): TumblingProcessingTimeWindows {
    const where = 'TumblingProcessingTimeWindows.of';
    return new TumblingProcessingTimeWindows(milliseconds(size, where), offset === undefined ? 0 : milliseconds(offset, where));
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
