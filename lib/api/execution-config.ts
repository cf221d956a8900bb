// Flink's ExecutionConfig: job-wide settings that reach the operators at run time
// (`env.getConfig()`). The job module is evaluated again on every TaskManager, so what it sets
// here travels with the StreamGraph it builds.
import { DEFAULT_AUTO_WATERMARK_INTERVAL } from '../graph/stream-graph.ts';

export class ExecutionConfig {
  private autoWatermarkInterval = DEFAULT_AUTO_WATERMARK_INTERVAL;

  /**
   * How often (ms of processing time) assignTimestampsAndWatermarks asks its
   * WatermarkGenerator for a periodic watermark; 0 disables periodic watermarks. Default 200.
   */
  setAutoWatermarkInterval(interval: number): this {
    if (!Number.isFinite(interval) || interval < 0) throw new Error(`ExecutionConfig: the auto-watermark interval must be a finite number of ms >= 0 (got ${interval})`);
    this.autoWatermarkInterval = interval;
    return this;
  }

  getAutoWatermarkInterval(): number {
    return this.autoWatermarkInterval;
  }
}
