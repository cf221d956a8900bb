// Runs a job file on a cluster the way `sluice run --cluster` does and times it from the
// RUNNING status to FINISHED, both as the client sees them: deployment is not counted.
import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { ClusterClient } from '../client/cluster-client.ts';
import type { ClusterOptions } from '../cluster/cluster-options.ts';
import { connectToCluster } from '../cluster/connect.ts';
import { toJobGraph } from '../graph/job-graph-builder.ts';
import { bundleJob } from '../job/job-bundler.ts';
import { evaluateJob } from '../job/job-evaluator.ts';
import type { JobSubmission } from '../job/job-submission.ts';

async function submissionFor(jobFile: string, jobArgs: string[]): Promise<{ submission: JobSubmission; bundle: string }> {
  const bundle = await bundleJob(jobFile);
  const argv = [process.execPath, resolve(jobFile), ...jobArgs];
  const env = Object.fromEntries(Object.entries(process.env).filter((entry): entry is [string, string] => entry[1] !== undefined));
  const cwd = process.cwd();
  // The client evaluates the job as every TaskManager will: with the job's own argv.
  const ownArgv = process.argv;
  process.argv = [...argv];
  let jobGraph;
  try {
    jobGraph = toJobGraph(await evaluateJob({ bundle, jobFile, cwd }));
  } finally {
    process.argv = ownArgv;
  }
  const jobId = randomUUID().replaceAll('-', '');
  return { submission: { jobId, jobName: jobGraph.jobName, jobFile, jobGraph, argv, env, cwd }, bundle };
}

/** Seconds from RUNNING to FINISHED; throws when the job ends in any other state. */
export async function measureJobRun(cluster: ClusterOptions, jobFile: string, jobArgs: string[]): Promise<{ seconds: number }> {
  const { submission, bundle } = await submissionFor(jobFile, jobArgs);
  const nc = await connectToCluster(cluster.url, 'sluice bench client');
  const client = await ClusterClient.start(nc, cluster.namespace);
  try {
    const seenAt = new Map<string, number>();
    const watch = await client.submit(submission, bundle);
    watch.onStatus((summary) => seenAt.set(summary.status, performance.now()));
    const final = await watch.terminated;
    if (final.status !== 'FINISHED') throw new Error(`job ${final.jobId} ${final.status}${final.reason ? `: ${final.reason}` : ''}`);
    const running = seenAt.get('RUNNING');
    if (running === undefined) throw new Error(`job ${final.jobId} finished without the client seeing it RUNNING`);
    return { seconds: (seenAt.get('FINISHED')! - running) / 1000 };
  } finally {
    await client.close();
    await nc.drain();
  }
}
