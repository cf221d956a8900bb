// Where a WatermarkGenerator emits (Flink's WatermarkOutput).
import type { Watermark } from './watermark.ts';

export interface WatermarkOutput {
  /** Emits the watermark if it is higher than every one emitted before (else it is dropped); marks the output active. */
  emitWatermark(watermark: Watermark): void;
  /** No events for a while: downstream watermarks stop waiting for this output until it emits again. */
  markIdle(): void;
  /** Ends idleness without emitting a watermark. */
  markActive(): void;
}
