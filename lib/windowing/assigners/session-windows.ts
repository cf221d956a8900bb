// What EventTimeSessionWindows and ProcessingTimeSessionWindows share: each element opens a
// window [t, t + gap), and windows that overlap merge, so a session ends after `gap` without
// elements. The gap is fixed, or per element (withDynamicGap).
import type { Trigger } from '../triggers/trigger.ts';
import { TimeWindow } from '../windows/time-window.ts';
import type { AssignerTime } from './assigner-time.ts';
import { MergingWindowAssigner, type WindowAssignerContext } from './window-assigner.ts';

/** Flink's SessionWindowTimeGapExtractor: the session gap (ms) an element sets. */
export interface SessionWindowTimeGapExtractor<T> {
  extract(element: T): number;
}

export abstract class SessionWindows<T> extends MergingWindowAssigner<T, TimeWindow> {
  protected readonly gapOf: (element: T) => number;

  protected constructor(
    private readonly assignerTime: AssignerTime,
    gap: number | SessionWindowTimeGapExtractor<T> | ((element: T) => number),
  ) {
    super();
    if (typeof gap === 'number') {
      if (!(gap > 0)) throw new Error(`${this.constructor.name} parameters must satisfy 0 < size (got a gap of ${gap} ms)`);
      this.gapOf = () => gap;
    } else {
      const extract = typeof gap === 'function' ? gap : (element: T) => gap.extract(element);
      this.gapOf = (element) => {
        const dynamicGap = extract(element);
        if (!(dynamicGap > 0)) throw new Error(`${this.constructor.name}: Dynamic gap can not be less than or equal to zero: ${dynamicGap}`);
        return dynamicGap;
      };
    }
  }

  assignWindows(element: T, timestamp: number | undefined, context: WindowAssignerContext): TimeWindow[] {
    const time = this.assignerTime.timeOf(timestamp, context, this);
    return [new TimeWindow(time, time + this.gapOf(element))];
  }

  mergeWindows(windows: readonly TimeWindow[], merge: (toBeMerged: TimeWindow[], mergeResult: TimeWindow) => void): void {
    TimeWindow.mergeWindows(windows, merge);
  }

  getDefaultTrigger(): Trigger<T, TimeWindow> {
    return this.assignerTime.defaultTrigger();
  }

  isEventTime(): boolean {
    return this.assignerTime.isEventTime;
  }

  override toString(): string {
    return this.constructor.name;
  }
}
