// Flink's ProcessingTimeSessionWindows: sessions by the operator's clock.
import { ProcessingTimeTrigger } from '../triggers/processing-time-trigger.ts';
import type { Trigger } from '../triggers/trigger.ts';
import { milliseconds, type TimeLength } from '../time-length.ts';
import type { TimeWindow } from '../windows/time-window.ts';
import { SessionWindows, type SessionWindowTimeGapExtractor } from './session-windows.ts';
import type { WindowAssignerContext } from './window-assigner.ts';

export class ProcessingTimeSessionWindows<T = unknown> extends SessionWindows<T> {
  static withGap(gap: TimeLength): ProcessingTimeSessionWindows {
    return new ProcessingTimeSessionWindows(milliseconds(gap, 'ProcessingTimeSessionWindows.withGap'));
  }

  /** The gap in ms, per element. */
  static withDynamicGap<T>(extractor: SessionWindowTimeGapExtractor<T> | ((element: T) => number)): ProcessingTimeSessionWindows<T> {
    return new ProcessingTimeSessionWindows(extractor);
  }

  protected timeOf(_timestamp: number | undefined, context: WindowAssignerContext): number {
    return context.getCurrentProcessingTime();
  }

  getDefaultTrigger(): Trigger<T, TimeWindow> {
    return ProcessingTimeTrigger.create();
  }

  isEventTime(): boolean {
    return false;
  }

  override toString(): string {
    return 'ProcessingTimeSessionWindows';
  }
}
