// Flink's ExecutionConfig: job-wide settings that reach the operators at run time
// (`env.getConfig()`, and `getRuntimeContext().getExecutionConfig()` in a function). The job
// module is evaluated again on every TaskManager, so what it sets here travels with the
// StreamGraph it builds.
import { GlobalJobParameters } from './global-job-parameters.ts';

/** Flink's default auto-watermark interval. */
export const DEFAULT_AUTO_WATERMARK_INTERVAL = 200;

export class ExecutionConfig {
  private autoWatermarkInterval = DEFAULT_AUTO_WATERMARK_INTERVAL;
  private globalJobParameters = new GlobalJobParameters();
  private objectReuse = false;

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

  /**
   * Flink's object reuse. Chained operators here always hand records on by reference, as Flink
   * does with object reuse enabled; the flag is kept for the job to read (`pipeline.object-reuse`).
   */
  enableObjectReuse(): this {
    this.objectReuse = true;
    return this;
  }

  disableObjectReuse(): this {
    this.objectReuse = false;
    return this;
  }

  isObjectReuseEnabled(): boolean {
    return this.objectReuse;
  }

  /** Parameters every function of the job can read, typically a ParameterTool of the job's arguments. */
  setGlobalJobParameters(parameters: GlobalJobParameters): this {
    if (!(parameters instanceof GlobalJobParameters)) throw new Error('ExecutionConfig: globalJobParameters must be a GlobalJobParameters, such as a ParameterTool');
    this.globalJobParameters = parameters;
    return this;
  }

  /** What setGlobalJobParameters set; empty parameters when nothing was. */
  getGlobalJobParameters(): GlobalJobParameters {
    return this.globalJobParameters;
  }
}
