// Flink's WatermarksWithIdleness: wraps a generator and marks the output idle once no event
// came for `idleTimeout` of processing time, so that downstream watermarks stop waiting for
// this input. The next event's watermark makes it active again.
import { durationMillis, type DurationLike } from '../duration.ts';
import type { RelativeClock, WatermarkGenerator } from './watermark-generator.ts';
import type { WatermarkOutput } from './watermark-output.ts';

export class WatermarksWithIdleness<T> implements WatermarkGenerator<T> {
  private readonly idlenessTimer: IdlenessTimer;
  private isIdleNow = false;

  constructor(
    private readonly watermarks: WatermarkGenerator<T>,
    idleTimeout: DurationLike,
    clock: RelativeClock,
  ) {
    const timeoutMillis = durationMillis(idleTimeout, 'the idle timeout');
    if (timeoutMillis === 0) throw new Error('the idle timeout must be greater than 0 ms');
    this.idlenessTimer = new IdlenessTimer(clock, timeoutMillis);
  }

  onEvent(event: T, eventTimestamp: number, output: WatermarkOutput): void {
    this.watermarks.onEvent(event, eventTimestamp, output);
    this.idlenessTimer.activity();
    this.isIdleNow = false;
  }

  onPeriodicEmit(output: WatermarkOutput): void {
    if (this.idlenessTimer.checkIfIdle()) {
      if (!this.isIdleNow) {
        output.markIdle();
        this.isIdleNow = true;
      }
    } else {
      this.watermarks.onPeriodicEmit(output);
    }
  }
}

/** Counts events; idle once the count has not changed for the timeout, measured from the first check that saw no change. */
class IdlenessTimer {
  private counter = 0;
  private lastCounter = 0;
  private startOfInactivity?: number;

  constructor(
    private readonly clock: RelativeClock,
    private readonly maxIdleTimeMillis: number,
  ) {}

  activity(): void {
    this.counter++;
  }

  checkIfIdle(): boolean {
    if (this.counter !== this.lastCounter) {
      this.lastCounter = this.counter;
      this.startOfInactivity = undefined;
      return false;
    }
    const now = this.clock.relativeTimeMillis();
    if (this.startOfInactivity === undefined) {
      this.startOfInactivity = now;
      return false;
    }
    return now - this.startOfInactivity > this.maxIdleTimeMillis;
  }
}
