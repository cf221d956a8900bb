// `sluice run <job> [--parallelism N] [--cluster URL] [--detached] [-- job args]`
import { withClient } from '../../client/with-client.ts';
import { clusterOptionsFrom } from '../../settings/cluster-options.ts';
import { startLocalCluster, type LocalCluster } from '../../cluster/local-cluster.ts';
import { prepareSubmission } from '../../job/prepare-submission.ts';
import { isLogLevel, setLogLevel } from '../../log/logger.ts';
import { parseCommandArgs, positiveInteger, UsageError } from '../cli-args.ts';

const stopSignals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

const usage = 'usage: sluice run <job.ts|job.js> [--parallelism N] [--cluster nats://host:4222] [--detached] [-- job arguments]';

export async function runCommand(args: string[]): Promise<number> {
  const { positionals, options, passthrough } = parseCommandArgs('run', args, {
    parallelism: { type: 'string', short: 'p' },
    cluster: { type: 'string' },
    detached: { type: 'boolean', short: 'd' },
  });
  const jobFile = positionals[0];
  if (!jobFile) throw new UsageError(usage);
  const jobArgs = [...positionals.slice(1), ...passthrough];
  const defaultParallelism = positiveInteger('--parallelism', options.parallelism);
  const url = options.cluster as string | undefined;
  if (options.detached && !url) throw new UsageError('--detached needs --cluster: the embedded cluster stops when `sluice run` returns');

  // The embedded cluster's supervision warnings would drown the job's outcome, which we print.
  if (!isLogLevel(process.env.SLUICE_LOG_LEVEL)) setLogLevel('error');
  const { submission, bundle } = await prepareSubmission(jobFile, jobArgs, defaultParallelism);
  const { jobGraph } = submission;

  const slotsNeeded = Math.max(...jobGraph.vertices.map((vertex) => vertex.parallelism));
  let local: LocalCluster | undefined;
  if (!url) local = await startLocalCluster(slotsNeeded);
  try {
    return await withClient(local?.options ?? clusterOptionsFrom(url!), async (client) => {
      const watch = await client.submit(submission, bundle);
      process.stderr.write(`Job ${submission.jobId} (${submission.jobName}) submitted\n`);
      if (options.detached) {
        watch.stop();
        process.stdout.write(`${submission.jobId}\n`);
        return 0;
      }
      // Stopping the client stops its job (and the embedded cluster): nothing is left running.
      const cancelOnSignal = () => void client.cancel(submission.jobId).catch(() => undefined);
      for (const signal of stopSignals) process.once(signal, cancelOnSignal);
      watch.onStatus((summary) => process.stderr.write(`Job ${summary.jobId} is ${summary.status}\n`));
      const final = await watch.terminated;
      for (const signal of stopSignals) process.off(signal, cancelOnSignal);
      if (final.status === 'FINISHED') {
        process.stderr.write(`Job ${final.jobId} finished in ${(final.endTime ?? Date.now()) - final.startTime} ms\n`);
        return 0;
      }
      process.stderr.write(`sluice: job ${final.jobId} ${final.status}${final.reason ? `: ${final.reason}` : ''}\n`);
      return 1;
    });
  } finally {
    await local?.shutdown();
  }
}
