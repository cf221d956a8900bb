// How a job's end reads to the job file: execute() returns a JobExecutionResult for a FINISHED
// job and throws for any other end; a JobClient's getJobExecutionResult() does the same.
import { JobExecutionResult } from '../api/job-execution-result.ts';
import { accumulatorResults } from '../functions/accumulator-registry.ts';
import type { JobSummary } from '../job/job-submission.ts';

/** `FAILED: <reason>`, as the end of `sluice: job <id> …`. */
export function describeEnd(final: JobSummary): string {
  return `${final.status}${final.reason ? `: ${final.reason}` : ''}`;
}

export function jobExecutionResult(final: JobSummary): JobExecutionResult {
  const netRuntime = (final.endTime ?? Date.now()) - final.startTime;
  return new JobExecutionResult(final.jobId, netRuntime, accumulatorResults(final.accumulators));
}

/** What execute() throws for a job that did not finish; `end` says how it ended. */
export function jobExecutionFailure(jobId: string, end: string): Error {
  return new Error(`Job execution failed: job ${jobId} ${end}`);
}
