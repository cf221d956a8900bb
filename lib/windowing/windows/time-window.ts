// Flink's TimeWindow: the interval [start, end) of event or processing time. Its last
// timestamp is end - 1, which is when an event-time window fires.
import { addExtension } from 'msgpackr';
import { Window } from './window.ts';

export class TimeWindow extends Window {
  constructor(
    readonly start: number,
    /** Exclusive. */
    readonly end: number,
  ) {
    super();
  }

  getStart(): number {
    return this.start;
  }

  getEnd(): number {
    return this.end;
  }

  maxTimestamp(): number {
    return this.end - 1;
  }

  equals(other: TimeWindow): boolean {
    return this.start === other.start && this.end === other.end;
  }

  /** Whether the two windows overlap or touch (a session window merges with its neighbours). */
  intersects(other: TimeWindow): boolean {
    return this.start <= other.end && this.end >= other.start;
  }

  /** The smallest window that covers both. */
  cover(other: TimeWindow): TimeWindow {
    return new TimeWindow(Math.min(this.start, other.start), Math.max(this.end, other.end));
  }

  toString(): string {
    return `TimeWindow{start=${this.start}, end=${this.end}}`;
  }

  /**
   * The start of the window of `windowSize` (aligned to the epoch plus `offset`) that holds
   * `timestamp`; also right for timestamps before the epoch.
   */
  static getWindowStartWithOffset(timestamp: number, offset: number, windowSize: number): number {
    const remainder = (timestamp - offset) % windowSize;
    return remainder < 0 ? timestamp - (remainder + windowSize) : timestamp - remainder;
  }

  /**
   * Merges overlapping windows (Flink's TimeWindow.mergeWindows): sorted by start, each run of
   * intersecting windows becomes their cover; `merge` is called for every run of two or more.
   */
  static mergeWindows(windows: readonly TimeWindow[], merge: (toBeMerged: TimeWindow[], mergeResult: TimeWindow) => void): void {
    const sorted = [...windows].sort((a, b) => a.start - b.start);
    const merged: Array<{ cover: TimeWindow; windows: TimeWindow[] }> = [];
    for (const window of sorted) {
      const current = merged.at(-1);
      if (current && current.cover.intersects(window)) {
        current.cover = current.cover.cover(window);
        current.windows.push(window);
      } else {
        merged.push({ cover: window, windows: [window] });
      }
    }
    for (const { cover, windows: toBeMerged } of merged) if (toBeMerged.length > 1) merge(toBeMerged, cover);
  }
}

// Windows are the namespaces of window state and timers: a snapshot must give them back as
// TimeWindows, with their methods (Flink's TimeWindow.Serializer), and records may carry them.
addExtension({
  Class: TimeWindow,
  type: 0x57,
  write: (window: TimeWindow) => [window.start, window.end],
  read: ([start, end]: [number, number]) => new TimeWindow(start, end),
});
