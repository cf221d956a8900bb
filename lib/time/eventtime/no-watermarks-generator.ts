// Flink's NoWatermarksGenerator: event time does not advance (only the end of input ends it).
import type { WatermarkGenerator } from './watermark-generator.ts';

export class NoWatermarksGenerator<T> implements WatermarkGenerator<T> {
  onEvent(): void {}

  onPeriodicEmit(): void {}
}
