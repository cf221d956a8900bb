// What `await env.execute()` gives the job file once its job has finished (Flink's
// JobExecutionResult): in `sluice run`, the code after execute() runs then, in the client.

export class JobExecutionResult {
  constructor(
    private readonly jobId: string,
    /** From RUNNING to FINISHED, in ms. */
    private readonly netRuntimeMs: number,
  ) {}

  getJobID(): string {
    return this.jobId;
  }

  /** The job's run time in milliseconds, without submission and deployment. */
  getNetRuntime(): number {
    return this.netRuntimeMs;
  }

  isJobExecutionResult(): boolean {
    return true;
  }

  getJobExecutionResult(): JobExecutionResult {
    return this;
  }
}
