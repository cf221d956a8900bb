// What SlidingEventTimeWindows and SlidingProcessingTimeWindows share: windows of `size`
// starting every `slide`, so an element is in about size / slide windows. A slide larger
// than the size is legal (elements between windows belong to none).
import type { Trigger } from '../triggers/trigger.ts';
import { TimeWindow } from '../windows/time-window.ts';
import type { AssignerTime } from './assigner-time.ts';
import { WindowAssigner, type WindowAssignerContext } from './window-assigner.ts';

export abstract class SlidingWindows extends WindowAssigner<unknown, TimeWindow> {
  protected constructor(
    private readonly assignerTime: AssignerTime,
    readonly size: number,
    readonly slide: number,
    readonly offset: number,
  ) {
    super();
    if (!(size > 0) || !(Math.abs(offset) < slide)) {
      throw new Error(`${this.constructor.name} parameters must satisfy abs(offset) < slide and size > 0 (got size ${size} ms, slide ${slide} ms, offset ${offset} ms)`);
    }
  }

  /** The windows holding the element, the latest first (as Flink lists them). */
  assignWindows(_element: unknown, timestamp: number | undefined, context: WindowAssignerContext): TimeWindow[] {
    const time = this.assignerTime.timeOf(timestamp, context, this);
    const windows: TimeWindow[] = [];
    for (let start = TimeWindow.getWindowStartWithOffset(time, this.offset, this.slide); start > time - this.size; start -= this.slide) {
      windows.push(new TimeWindow(start, start + this.size));
    }
    return windows;
  }

  getDefaultTrigger(): Trigger<unknown, TimeWindow> {
    return this.assignerTime.defaultTrigger();
  }

  isEventTime(): boolean {
    return this.assignerTime.isEventTime;
  }

  override toString(): string {
    return `${this.constructor.name}(${this.size}, ${this.slide})`;
  }
}
