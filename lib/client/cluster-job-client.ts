// The JobClient `sluice run` gives a job file after executeAsync(): each call goes to the
// JobManager through the run's ClusterClient; the result comes from the run's watch of the job.
import { localPath } from '../settings/local-path.ts';
import type { JobClient } from '../api/job-client.ts';
import type { JobExecutionResult } from '../api/job-execution-result.ts';
import type { JobStatus } from '../api/job-status.ts';
import type { JobSummary } from '../job/job-submission.ts';
import type { ClusterClient } from './cluster-client.ts';
import { describeEnd, jobExecutionFailure, jobExecutionResult } from './job-outcome.ts';

export class ClusterJobClient implements JobClient {
  /** Whether the job file cancelled its job: then CANCELED is how it meant the job to end. */
  cancelRequested = false;

  constructor(
    private readonly client: ClusterClient,
    private readonly jobId: string,
    private readonly terminated: Promise<JobSummary>,
  ) {}

  getJobID(): string {
    return this.jobId;
  }

  async getJobStatus(): Promise<JobStatus> {
    return (await this.client.getJob(this.jobId)).status;
  }

  cancel(): Promise<void> {
    this.cancelRequested = true;
    return this.client.cancel(this.jobId);
  }

  stopWithSavepoint(advanceToEndOfEventTime: boolean, savepointDirectory?: string | null): Promise<string> {
    return this.client.stopWithSavepoint(this.jobId, advanceToEndOfEventTime, savepointDirectory ? localPath(savepointDirectory, 'savepointDirectory') : undefined);
  }

  triggerSavepoint(savepointDirectory?: string | null): Promise<string> {
    return this.client.triggerSavepoint(this.jobId, savepointDirectory ? localPath(savepointDirectory, 'savepointDirectory') : undefined);
  }

  async getJobExecutionResult(): Promise<JobExecutionResult> {
    const final = await this.terminated;
    if (final.status !== 'FINISHED') throw jobExecutionFailure(this.jobId, describeEnd(final));
    return jobExecutionResult(final);
  }
}
