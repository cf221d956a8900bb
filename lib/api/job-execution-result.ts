// What `await env.execute()` gives the job file once its job has finished (Flink's
// JobExecutionResult): in `sluice run`, the code after execute() runs then, in the client.
// It carries the job's run time and its accumulators, merged over the subtasks.

export class JobExecutionResult {
  constructor(
    private readonly jobId: string,
    /** From RUNNING to FINISHED, in ms. */
    private readonly netRuntimeMs: number,
    /** The accumulators of all subtasks, merged by name. */
    private readonly accumulators: ReadonlyMap<string, unknown> = new Map(),
  ) {}

  getJobID(): string {
    return this.jobId;
  }

  /** The job's run time in milliseconds, without submission and deployment. */
  getNetRuntime(): number {
    return this.netRuntimeMs;
  }

  /** The merged value of the accumulator of that name (a number, or a histogram's Map), or undefined. */
  getAccumulatorResult<T>(name: string): T | undefined {
    return this.accumulators.get(name) as T | undefined;
  }

  getAllAccumulatorResults(): Map<string, unknown> {
    return new Map(this.accumulators);
  }

  isJobExecutionResult(): boolean {
    return true;
  }

  getJobExecutionResult(): JobExecutionResult {
    return this;
  }
}
