// What a client hands the Dispatcher: the JobGraph plus everything a TaskManager needs to
// rebuild the same StreamGraph (the bundle lives in the object store under the job id).
import type { JobGraph } from '../graph/job-graph.ts';
import type { JobId } from '../ids/addresses.ts';
import type { SavepointRestoreSettings } from '../checkpoint/savepoint-restore-settings.ts';
import type { AccumulatorSnapshot } from '../functions/accumulator-registry.ts';
import type { JobStatus } from '../api/job-status.ts';

export interface JobSubmission {
  jobId: JobId;
  jobName: string;
  /** As the user named it, for messages. */
  jobFile: string;
  jobGraph: JobGraph;
  /** process.argv as the job sees it everywhere: [node, jobFile, ...args]. */
  argv: string[];
  env: Record<string, string>;
  cwd: string;
  defaultParallelism?: number;
  /** `sluice run -D key=value`: the configuration the job's environments start from. */
  configuration?: Record<string, string>;
  /** `sluice run --fromSavepoint`: the job starts from this savepoint. */
  savepointRestoreSettings?: SavepointRestoreSettings;
}

export const terminalStatuses: ReadonlySet<JobStatus> = new Set(['FINISHED', 'CANCELED', 'FAILED']);

export interface JobSummary {
  jobId: JobId;
  jobName: string;
  status: JobStatus;
  startTime: number;
  endTime?: number;
  /** Why the job FAILED. */
  reason?: string;
  /** A FINISHED job's accumulators, merged over its subtasks. */
  accumulators?: AccumulatorSnapshot;
}
