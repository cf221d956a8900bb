// What TumblingEventTimeWindows and TumblingProcessingTimeWindows share (Flink keeps two
// copies): windows of a fixed size that do not overlap, aligned to the epoch plus an offset
// (e.g. Time.hours(-8) for days in UTC+8).
import type { Trigger } from '../triggers/trigger.ts';
import { TimeWindow } from '../windows/time-window.ts';
import type { AssignerTime } from './assigner-time.ts';
import { WindowAssigner, type WindowAssignerContext } from './window-assigner.ts';

export abstract class TumblingWindows extends WindowAssigner<unknown, TimeWindow> {
  protected constructor(
    private readonly assignerTime: AssignerTime,
    readonly size: number,
    readonly offset: number,
  ) {
    super();
    if (!(size > 0) || !(Math.abs(offset) < size)) {
      throw new Error(`${this.constructor.name} parameters must satisfy abs(offset) < size and size > 0 (got size ${size} ms, offset ${offset} ms)`);
    }
  }

  assignWindows(_element: unknown, timestamp: number | undefined, context: WindowAssignerContext): TimeWindow[] {
    const start = TimeWindow.getWindowStartWithOffset(this.assignerTime.timeOf(timestamp, context, this), this.offset, this.size);
    return [new TimeWindow(start, start + this.size)];
  }

  getDefaultTrigger(): Trigger<unknown, TimeWindow> {
    return this.assignerTime.defaultTrigger();
  }

  isEventTime(): boolean {
    return this.assignerTime.isEventTime;
  }

  override toString(): string {
    return `${this.constructor.name}(${this.size})`;
  }
}
