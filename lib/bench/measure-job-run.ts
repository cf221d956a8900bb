// Runs a job file on a cluster the way `sluice run --cluster` does and times it from the
// RUNNING status to FINISHED, both as the client sees them: deployment is not counted.
import { withClient } from '../client/with-client.ts';
import type { ClusterOptions } from '../settings/cluster-options.ts';
import { prepareSubmission } from '../job/prepare-submission.ts';
import { CpuClock, type Reading } from './cpu-clock.ts';

/** Wall and CPU seconds from RUNNING to FINISHED; throws when the job ends in any other state. */
export async function measureJobRun(cluster: ClusterOptions, clock: CpuClock, jobFile: string, jobArgs: string[], parallelism?: number): Promise<Reading> {
  const { submission, bundle } = await prepareSubmission(jobFile, jobArgs, { defaultParallelism: parallelism });
  return withClient(cluster, async (client) => {
    const seenAt = new Map<string, Reading>();
    const watch = await client.submit(submission, bundle);
    watch.onStatus((summary) => seenAt.set(summary.status, clock.read()));
    const final = await watch.terminated;
    if (final.status !== 'FINISHED') throw new Error(`job ${final.jobId} ${final.status}${final.reason ? `: ${final.reason}` : ''}`);
    const running = seenAt.get('RUNNING');
    if (running === undefined) throw new Error(`job ${final.jobId} finished without the client seeing it RUNNING`);
    return CpuClock.between(running, seenAt.get('FINISHED')!);
  });
}
