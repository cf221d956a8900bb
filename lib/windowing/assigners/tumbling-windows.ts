// What TumblingEventTimeWindows and TumblingProcessingTimeWindows share (Flink keeps two
// copies): windows of a fixed size that do not overlap, aligned to the epoch plus an offset
// (e.g. Time.hours(-8) for days in UTC+8).
import type { Trigger } from '../triggers/trigger.ts';
import { TimeWindow } from '../windows/time-window.ts';
import { WindowAssigner, type WindowAssignerContext } from './window-assigner.ts';

export abstract class TumblingWindows extends WindowAssigner<unknown, TimeWindow> {
  protected constructor(
    readonly size: number,
    readonly offset: number,
  ) {
    super();
    if (!(size > 0) || !(Math.abs(offset) < size)) {
      throw new Error(`${this.constructor.name} parameters must satisfy abs(offset) < size and size > 0 (got size ${size} ms, offset ${offset} ms)`);
    }
  }

  /** The time the element is assigned by: its timestamp, or the processing time. */
  protected abstract timeOf(timestamp: number | undefined, context: WindowAssignerContext): number;

  assignWindows(_element: unknown, timestamp: number | undefined, context: WindowAssignerContext): TimeWindow[] {
    const start = TimeWindow.getWindowStartWithOffset(this.timeOf(timestamp, context), this.offset, this.size);
    return [new TimeWindow(start, start + this.size)];
  }

  abstract override getDefaultTrigger(): Trigger<unknown, TimeWindow>;

  override toString(): string {
    return `${this.constructor.name}(${this.size})`;
  }
}
