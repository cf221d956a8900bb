// `sluice run <job> [--parallelism N] [--cluster URL] [--detached] [--fromSavepoint path [--allowNonRestoredState]] [-- job args]`
import { resolve } from 'node:path';
import { Command } from 'commander';
import { withClient } from '../../client/with-client.ts';
import { clusterOptionsFrom } from '../../settings/cluster-options.ts';
import { startLocalCluster, type LocalCluster } from '../../cluster/local-cluster.ts';
import { prepareSubmission } from '../../job/prepare-submission.ts';
import { isLogLevel, setLogLevel } from '../../log/logger.ts';
import { positiveInteger } from '../cli-options.ts';
import { SlotSharingLayout } from '../../graph/slot-sharing-layout.ts';
import { JobExecutionResult } from '../../api/job-execution-result.ts';

const stopSignals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

interface RunOptions {
  parallelism?: string;
  cluster?: string;
  detached?: boolean;
  fromSavepoint?: string;
  allowNonRestoredState?: boolean;
}

async function run(jobFile: string, jobArgs: string[], options: RunOptions, command: Command): Promise<number> {
  const defaultParallelism = positiveInteger(command, '--parallelism', options.parallelism);
  const url = options.cluster;
  if (options.detached && !url) command.error('--detached needs --cluster: the embedded cluster stops when `sluice run` returns');

  // The embedded cluster's supervision warnings would drown the job's outcome, which we print.
  if (!isLogLevel(process.env.SLUICE_LOG_LEVEL)) setLogLevel('error');
  if (options.allowNonRestoredState && !options.fromSavepoint) command.error('--allowNonRestoredState needs --fromSavepoint');
  const { submission, bundle, resumeAfterExecute } = await prepareSubmission(jobFile, jobArgs, defaultParallelism);
  if (options.fromSavepoint) submission.savepointRestoreSettings = { restorePath: resolve(options.fromSavepoint), allowNonRestoredState: options.allowNonRestoredState ?? false };
  const { jobGraph } = submission;

  let local: LocalCluster | undefined;
  if (!url) local = await startLocalCluster(new SlotSharingLayout(jobGraph.vertices).slotCount);
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
      const finished = final.status === 'FINISHED';
      const netRuntime = (final.endTime ?? Date.now()) - final.startTime;
      const outcome = `${final.status}${final.reason ? `: ${final.reason}` : ''}`;
      if (finished) process.stderr.write(`Job ${final.jobId} finished in ${netRuntime} ms\n`);
      else process.stderr.write(`sluice: job ${final.jobId} ${outcome}\n`);
      // As in Flink, execute() returns the result or throws, and the job file's code after it runs now.
      try {
        await resumeAfterExecute(finished
          ? { result: new JobExecutionResult(final.jobId, netRuntime) }
          : { failure: new Error(`Job execution failed: job ${final.jobId} ${outcome}`) });
      } catch (error) {
        process.stderr.write(`sluice: ${(error as Error).message}\n`);
        return 1;
      }
      return finished ? 0 : 1;
    });
  } finally {
    await local?.shutdown();
  }
}

export function runCommand(): Command {
  return new Command('run')
    .summary('run a job; without --cluster on an embedded local cluster')
    .description('Bundle and submit a job file, then follow its status until it ends; Ctrl-C (or SIGTERM) cancels the job. '
      + 'Without --cluster the job runs on an embedded cluster (a nats-server, a JobManager and a TaskManager with as many slots '
      + 'as the job needs), which stops when the job ends.')
    .argument('<job>', 'the job file (.ts or .js)')
    .argument('[args...]', "the job's own arguments, in its process.argv (put them after -- when they start with -)")
    .option('-p, --parallelism <n>', 'default parallelism of the job\'s operators (default: 1)')
    .option('--cluster <url>', 'submit to the cluster at this NATS URL instead of starting an embedded one')
    .option('-d, --detached', 'submit, print the job id and return (needs --cluster)')
    .option('-s, --fromSavepoint <path>', 'start the job from this savepoint, matching its state to operators by uid')
    .option('-n, --allowNonRestoredState', 'skip savepoint state that matches no operator of the job instead of refusing it')
    .action(async (jobFile: string, jobArgs: string[], options: RunOptions, command: Command) => {
      process.exitCode = await run(jobFile, jobArgs, options, command);
    });
}
