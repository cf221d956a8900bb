// Flink's WatermarkGenerator and the context its supplier gets. A generator sees every event
// (`onEvent`, where a punctuated generator emits) and is asked every auto-watermark interval
// (`onPeriodicEmit`, where a periodic generator emits).
import type { WatermarkOutput } from './watermark-output.ts';

export interface WatermarkGenerator<T> {
  onEvent(event: T, eventTimestamp: number, output: WatermarkOutput): void;
  onPeriodicEmit(output: WatermarkOutput): void;
}

/** A clock for measuring how long an input has been inactive (Flink's RelativeClock). */
export interface RelativeClock {
  relativeTimeMillis(): number;
}

/** What a WatermarkGenerator is created with (Flink's WatermarkGeneratorSupplier.Context). */
export interface WatermarkGeneratorSupplierContext {
  /** The operator's processing-time clock: idleness is measured on it. */
  getInputActivityClock(): RelativeClock;
}

export type WatermarkGeneratorSupplier<T> = (context: WatermarkGeneratorSupplierContext) => WatermarkGenerator<T>;
