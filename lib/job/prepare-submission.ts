// What a client does before it submits: bundle the job file, evaluate it as every
// TaskManager will (with the job's own argv), translate its graph, and pack it all with the
// argv, env and directory it was submitted with.
import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { toJobGraph } from '../graph/job-graph-builder.ts';
import { bundleJob } from './job-bundler.ts';
import { evaluateJob, type EvaluatedJob } from './job-evaluator.ts';
import { JobFileError } from './job-file-error.ts';
import type { JobSubmission } from './job-submission.ts';

export interface PreparedJob {
  submission: JobSubmission;
  bundle: string;
  /** Set when the job called executeAndCollect(). */
  collect: EvaluatedJob['collect'];
  /** Set when the job called executeAsync(). */
  executedAsync: boolean;
  /** Runs the job file's code after `env.execute()`, with the job's argv, once the job has ended (after executeAsync(), once it is submitted). */
  resumeAfterExecute: EvaluatedJob['resumeAfterExecute'];
}

/** How `sluice run` sets up every evaluation of the job: `--parallelism` and `-D key=value`. */
export interface JobSettings {
  defaultParallelism?: number;
  configuration?: Record<string, string>;
}

export async function prepareSubmission(jobFile: string, jobArgs: string[], settings: JobSettings = {}): Promise<PreparedJob> {
  const { defaultParallelism, configuration } = settings;
  const bundle = await bundleJob(jobFile);
  const argv = [process.execPath, resolve(jobFile), ...jobArgs];
  const env = Object.fromEntries(Object.entries(process.env).filter((entry): entry is [string, string] => entry[1] !== undefined));
  const cwd = process.cwd();
  const ownArgv = process.argv;
  process.argv = [...argv];
  let jobGraph;
  let evaluated: EvaluatedJob;
  try {
    evaluated = await evaluateJob({ bundle, jobFile, cwd, defaultParallelism, configuration });
    jobGraph = toJobGraph(evaluated.graph);
  } catch (error) {
    throw error instanceof JobFileError ? error : new JobFileError(jobFile, (error as Error).message);
  } finally {
    process.argv = ownArgv;
  }
  const submission: JobSubmission = {
    jobId: randomUUID().replaceAll('-', ''),
    jobName: jobGraph.jobName,
    jobFile,
    jobGraph,
    argv,
    env,
    cwd,
    ...(defaultParallelism ? { defaultParallelism } : {}),
    ...(configuration && Object.keys(configuration).length > 0 ? { configuration } : {}),
  };
  const resumeAfterExecute: PreparedJob['resumeAfterExecute'] = async (outcome) => {
    process.argv = [...argv];
    try {
      await evaluated.resumeAfterExecute(outcome);
    } finally {
      process.argv = ownArgv;
    }
  };
  return { submission, bundle, collect: evaluated.collect, executedAsync: evaluated.executedAsync, resumeAfterExecute };
}
