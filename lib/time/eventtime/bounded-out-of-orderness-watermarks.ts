// Flink's BoundedOutOfOrdernessWatermarks: events arrive at most `maxOutOfOrderness` late, so
// the watermark trails the highest timestamp seen by that much, minus 1 (a watermark t says no
// event at or before t follows, and an event exactly maxOutOfOrderness late is still on time).
import { durationMillis, type DurationLike } from '../duration.ts';
import { Watermark } from './watermark.ts';
import type { WatermarkGenerator } from './watermark-generator.ts';
import type { WatermarkOutput } from './watermark-output.ts';

export class BoundedOutOfOrdernessWatermarks<T> implements WatermarkGenerator<T> {
  private readonly outOfOrdernessMillis: number;
  private maxTimestamp = Number.NEGATIVE_INFINITY;

  constructor(maxOutOfOrderness: DurationLike) {
    this.outOfOrdernessMillis = durationMillis(maxOutOfOrderness, 'the maximum out-of-orderness');
  }

  onEvent(_event: T, eventTimestamp: number, _output: WatermarkOutput): void {
    this.maxTimestamp = Math.max(this.maxTimestamp, eventTimestamp);
  }

  onPeriodicEmit(output: WatermarkOutput): void {
    output.emitWatermark(new Watermark(this.maxTimestamp - this.outOfOrdernessMillis - 1));
  }
}
