// `sluice run <job> [--parallelism N] [--cluster URL] [--detached] [--fromSavepoint path [--allowNonRestoredState]] [job args] [-- job args]`
import { localPath } from '../../settings/local-path.ts';
import { Command } from 'commander';
import { withClient } from '../../client/with-client.ts';
import { clusterOptionsFrom } from '../../settings/cluster-options.ts';
import { startLocalCluster, type LocalCluster } from '../../cluster/local-cluster.ts';
import { prepareSubmission, type PreparedJob } from '../../job/prepare-submission.ts';
import { isLogLevel, setLogLevel } from '../../log/logger.ts';
import { likelyMeantOption, positiveInteger } from '../cli-options.ts';
import { SlotSharingLayout } from '../../graph/slot-sharing-layout.ts';
import { ClusterJobClient } from '../../client/cluster-job-client.ts';
import { describeEnd, jobExecutionFailure, jobExecutionResult } from '../../client/job-outcome.ts';
import type { CollectedResults } from '../../client/collected-results.ts';
import type { JobSummary } from '../../job/job-submission.ts';
import { settlesWithin } from '../../actor/settles-within.ts';
import { parseDynamicProperties } from '../../settings/configuration.ts';

const stopSignals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/** A job argument two edits from one of run's own options is passed on, as in Flink, but likely a typo: say so. */
function warnOfLikelyTypos(jobArgs: readonly string[], command: Command): void {
  for (const arg of jobArgs) {
    if (arg === '--') return;
    const meant = arg.startsWith('--') ? likelyMeantOption(command, arg) : undefined;
    if (meant) process.stderr.write(`sluice run: ${arg.split('=')[0]} is not an option of sluice run and goes to the job (did you mean ${meant}?)\n`);
  }
}

interface RunOptions {
  parallelism?: string;
  /** `-D key=value`, repeated. */
  D?: string[];
  cluster?: string;
  detached?: boolean;
  fromSavepoint?: string;
  allowNonRestoredState?: boolean;
}

async function run(jobFile: string, jobArgs: string[], options: RunOptions, command: Command): Promise<number> {
  // Unknown options are the job's, as in `flink run job.jar --input …`: only after the job file.
  if (jobFile.startsWith('-')) command.error(`unknown option ${jobFile} (the job's own options go after the job file)`);
  warnOfLikelyTypos(jobArgs, command);
  const defaultParallelism = positiveInteger(command, '--parallelism', options.parallelism);
  const url = options.cluster;
  if (options.detached && !url) command.error('--detached needs --cluster: the embedded cluster stops when `sluice run` returns');

  // The embedded cluster's supervision warnings would drown the job's outcome, which we print.
  if (!isLogLevel(process.env.SLUICE_LOG_LEVEL)) setLogLevel('error');
  if (options.allowNonRestoredState && !options.fromSavepoint) command.error('--allowNonRestoredState needs --fromSavepoint');
  let configuration;
  try {
    configuration = parseDynamicProperties(options.D ?? [], '-D');
  } catch (error) {
    command.error((error as Error).message);
  }
  const prepared = await prepareSubmission(jobFile, jobArgs, { defaultParallelism, configuration });
  const { submission, collect } = prepared;
  if (options.detached && collect) command.error('executeAndCollect() needs `sluice run` to stay attached for the records: drop --detached');
  if (options.fromSavepoint) submission.savepointRestoreSettings = { restorePath: localPath(options.fromSavepoint, '--fromSavepoint'), allowNonRestoredState: options.allowNonRestoredState ?? false };

  let local: LocalCluster | undefined;
  if (!url) local = await startLocalCluster(new SlotSharingLayout(submission.jobGraph.vertices).slotCount);
  try {
    return await withClient(local?.options ?? clusterOptionsFrom(url!), async (client) => {
      // Stopping the client stops its job (and the embedded cluster): nothing is left running.
      const cancelJob = () => void client.cancel(submission.jobId).catch(() => undefined);
      const results = collect && client.collectResults(submission.jobId, collect.limit, cancelJob);
      try {
        const watch = await client.submit(submission, prepared.bundle);
        // Flink's own line; detached, it goes to stdout, where a script takes the id from.
        const submitted = `Job has been submitted with JobID ${submission.jobId}\n`;
        if (options.detached) {
          watch.stop();
          process.stdout.write(submitted);
          return 0;
        }
        process.stderr.write(submitted);
        watch.onStatus((summary) => process.stderr.write(`Job ${summary.jobId} is ${summary.status}\n`));
        const followed = followUntilEnded(watch.terminated, submission.jobId, cancelJob);
        if (prepared.executedAsync) {
          const jobClient = new ClusterJobClient(client, submission.jobId, watch.terminated);
          return await resumeWhileRunning(followed, jobClient, prepared, { embedded: local !== undefined, cancelJob, stopWatching: () => watch.stop() });
        }
        const final = await followed;
        if (final === 'abandoned') return abandoned(submission.jobId);
        return await reportAndResume(final, prepared, results);
      } finally {
        results?.stop();
      }
    });
  } finally {
    await local?.shutdown();
  }
}

/** How long `sluice run` waits for a job it was told to cancel to end before it stops waiting. */
const cancelGraceMs = 30_000;

/**
 * Waits for the job to end. A stop signal cancels it; a second one, or no end within
 * cancelGraceMs (a JobManager out of reach), stops the waiting: a user can always get out.
 */
function followUntilEnded(terminated: Promise<JobSummary>, jobId: string, cancelJob: () => void): Promise<JobSummary | 'abandoned'> {
  return new Promise((resolve, reject) => {
    let graceTimer: NodeJS.Timeout | undefined;
    const onSignal = () => {
      if (graceTimer) return settle(() => resolve('abandoned'));
      process.stderr.write(`Cancelling job ${jobId} (a second Ctrl-C stops waiting for it)\n`);
      cancelJob();
      graceTimer = setTimeout(() => settle(() => resolve('abandoned')), cancelGraceMs);
    };
    const settle = (outcome: () => void) => {
      clearTimeout(graceTimer);
      for (const signal of stopSignals) process.off(signal, onSignal);
      outcome();
    };
    for (const signal of stopSignals) process.on(signal, onSignal);
    terminated.then((summary) => settle(() => resolve(summary)), (error: unknown) => settle(() => reject(error)));
  });
}

function abandoned(jobId: string): number {
  process.stderr.write(`sluice: job ${jobId} did not confirm its cancellation; it may still be running (see \`sluice list\`)\n`);
  return 1;
}

/**
 * After executeAsync(), the job file's code runs on at once with the job's client, as in Flink.
 * Against a cluster, `sluice run` ends with that code and the job runs on; the embedded
 * cluster lives until the job ends too. A job that failed, or was cancelled other than by the
 * job file, makes the run exit 1.
 */
async function resumeWhileRunning(
  followed: Promise<JobSummary | 'abandoned'>,
  jobClient: ClusterJobClient,
  prepared: PreparedJob,
  attachedTo: { embedded: boolean; cancelJob: () => void; stopWatching: () => void },
): Promise<number> {
  const jobId = jobClient.getJobID();
  const program = prepared.resumeAfterExecute({ submitted: jobClient }).then(() => undefined, (error: unknown) => error as Error);
  const givenUp = followed.then((final) => (final === 'abandoned' ? final : new Promise<never>(() => undefined)));
  const programError = await Promise.race([program, givenUp]);
  if (programError === 'abandoned') return abandoned(jobId);
  if (programError) {
    process.stderr.write(`sluice: ${programError.message}\n`);
    if (!attachedTo.embedded) return 1;
    attachedTo.cancelJob();
  }
  if (!attachedTo.embedded) {
    attachedTo.stopWatching();
    return 0;
  }
  const final = await followed;
  if (final === 'abandoned') return abandoned(jobId);
  if (programError) return 1;
  if (final.status === 'FINISHED' || (final.status === 'CANCELED' && jobClient.cancelRequested)) return 0;
  process.stderr.write(`sluice: job ${jobId} ${describeEnd(final)}\n`);
  return 1;
}

/** How long the client waits, after FINISHED, for the collect sink's last message: the two travel apart. */
const resultsGraceMs = 10_000;

/** Prints how the job ended; then, as in Flink, execute() returns or throws and the job file's code after it runs. */
async function reportAndResume(final: JobSummary, prepared: PreparedJob, results: CollectedResults | undefined): Promise<number> {
  const result = jobExecutionResult(final);
  let failure = describeEnd(final);
  let succeeded = final.status === 'FINISHED';
  if (succeeded && results && !(await settlesWithin(results.ended, resultsGraceMs))) {
    succeeded = false;
    failure = `FINISHED, but the last records of its collect sink did not arrive within ${resultsGraceMs} ms`;
  }
  if (succeeded) {
    process.stderr.write(`Program execution finished\nJob with JobID ${final.jobId} has finished.\nJob Runtime: ${result.getNetRuntime()} ms\n`);
  } else if (final.status === 'CANCELED' && results?.limitReached) {
    // executeAndCollect(limit) cancels its job once the limit is reached: that is how it ends.
    succeeded = true;
    process.stderr.write(`Job ${final.jobId} was cancelled once its ${results.records().length} records were collected\n`);
  } else {
    process.stderr.write(`sluice: job ${final.jobId} ${failure}\n`);
  }
  try {
    await prepared.resumeAfterExecute(succeeded
      ? { result, collected: results?.records() }
      : { failure: jobExecutionFailure(final.jobId, failure) });
  } catch (error) {
    process.stderr.write(`sluice: ${(error as Error).message}\n`);
    return 1;
  }
  return succeeded ? 0 : 1;
}


export function runCommand(): Command {
  return new Command('run')
    .summary('run a job; without --cluster on an embedded local cluster')
    .description('Bundle and submit a job file, then follow its status until it ends; Ctrl-C (or SIGTERM) cancels the job. '
      + 'Without --cluster the job runs on an embedded cluster (a nats-server, a JobManager and a TaskManager with as many slots '
      + 'as the job needs), which stops when the job ends.')
    .argument('<job>', 'the job file (.ts or .js)')
    .argument('[args...]', "the job's own arguments, in its process.argv: what follows the job file, except the options below (after --, everything)")
    .option('-p, --parallelism <n>', 'default parallelism of the job\'s operators (default: 1)')
    .option('-D <property=value>', 'a Flink configuration option for the job, e.g. -Dexecution.runtime-mode=BATCH (repeatable)', (pair: string, pairs: string[] = []) => [...pairs, pair])
    .option('--cluster <url>', 'submit to the cluster at this NATS URL instead of starting an embedded one')
    .option('-d, --detached', 'submit, print "Job has been submitted with JobID <id>" and return (needs --cluster)')
    .option('-s, --fromSavepoint <path>', 'start the job from this savepoint, matching its state to operators by uid')
    .option('-n, --allowNonRestoredState', 'skip savepoint state that matches no operator of the job instead of refusing it')
    .allowUnknownOption()
    .action(async (jobFile: string, jobArgs: string[], options: RunOptions, command: Command) => {
      process.exitCode = await run(jobFile, jobArgs, options, command);
    });
}
