// Flink's JobClient: what `await env.executeAsync()` gives the job file once its job is
// submitted, to follow and steer it while the file's code goes on (Flink's futures are
// promises here). Only `sluice run` has one: on the TaskManagers executeAsync() never returns.
import type { JobExecutionResult } from './job-execution-result.ts';
import type { JobStatus } from './job-status.ts';

export interface JobClient {
  getJobID(): string;
  /** The job's status now, as the JobManager knows it. */
  getJobStatus(): Promise<JobStatus>;
  /** Cancels the job; resolves once the JobManager took the request. */
  cancel(): Promise<void>;
  /**
   * Stops the job with a savepoint and resolves with its path; `advanceToEndOfEventTime`
   * drains the job first (MAX_WATERMARK), as `sluice stop --drain` does. Without a directory,
   * the cluster's state.savepoints.dir.
   */
  stopWithSavepoint(advanceToEndOfEventTime: boolean, savepointDirectory?: string | null): Promise<string>;
  /** Takes a savepoint of the running job and resolves with its path. */
  triggerSavepoint(savepointDirectory?: string | null): Promise<string>;
  /** Resolves once the job has finished, as execute() does; rejects with the job's failure or cancellation. */
  getJobExecutionResult(): Promise<JobExecutionResult>;
}
