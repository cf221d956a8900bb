// Evaluates a job bundle to obtain its StreamGraph. The client does it once to validate
// and translate the job; every TaskManager worker does it again to get the functions.
// `env.execute()` hands us the graph and waits there. On a TaskManager it never settles, so
// nothing the job does after execute() runs where only its graph was wanted; the client
// settles it once the job has ended (resumeAfterExecute), and the rest of the file runs.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { installJobContext } from '../api/job-context.ts';
import type { StreamGraph } from '../graph/stream-graph.ts';
import type { JobClient } from '../api/job-client.ts';
import type { JobExecutionResult } from '../api/job-execution-result.ts';
import { localWorkingDirectory } from '../settings/local-working-directory.ts';
import { sluiceApiGlobal } from './job-bundler.ts';
import { JobFileError } from './job-file-error.ts';

export interface JobEvaluation {
  bundle: string;
  /** As the user named it, for messages. */
  jobFile: string;
  cwd: string;
  defaultParallelism?: number;
  configuration?: Readonly<Record<string, string>>;
  /** A directory to make and evaluate in (a slot's, which removes it if the evaluation is cut off); else a new one. */
  directory?: string;
}

async function exposeApi(): Promise<void> {
  const key = Symbol.for(sluiceApiGlobal);
  const global = globalThis as Record<symbol, unknown>;
  global[key] ??= await import('../api/index.ts');
}

/** `line N` of the job file, read off the stack as mapped through the bundle's source map. */
function jobLine(error: unknown, jobFile: string): number | undefined {
  const stack = (error as Error | undefined)?.stack ?? '';
  const base = jobFile.split(/[\\/]/).pop()!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const match = new RegExp(`${base}:(\\d+):\\d+`).exec(stack);
  return match ? Number(match[1]) : undefined;
}

/** How the job ended, for the job file's code after execute(); for executeAsync(), that it was submitted. */
export type ExecutionOutcome =
  /** `collected`: the records of executeAndCollect(). */
  | { result: JobExecutionResult; collected?: unknown[] }
  | { failure: Error }
  | { submitted: JobClient };

export interface EvaluatedJob {
  graph: StreamGraph;
  /** Set when the job called executeAndCollect(): its records go back to the client, up to `limit`. */
  collect?: { limit?: number };
  /** Set when the job called executeAsync(): its code goes on once the job is submitted, with a JobClient. */
  executedAsync: boolean;
  /**
   * The evaluation waits inside `env.execute()`. This settles that call, with the job's result
   * or (as Flink's execute throws) its failure, and resolves once the rest of the job file has
   * run; it rejects with a JobFileError when that code throws something other than the failure.
   * After executeAsync() it is resumed with the submitted job's client instead.
   * Only the client resumes: on the TaskManagers execute() never returns.
   */
  resumeAfterExecute(outcome: ExecutionOutcome): Promise<void>;
}

export async function evaluateJob(evaluation: JobEvaluation): Promise<EvaluatedJob> {
  await exposeApi();
  process.setSourceMapsEnabled(true);
  // A process killed while it evaluates leaves this behind (a slot removes its worker's).
  const dir = evaluation.directory ?? mkdtempSync(join(localWorkingDirectory(), 'sluice-job-'));
  if (evaluation.directory) mkdirSync(dir, { recursive: true, mode: 0o700 });
  const file = join(dir, 'job.mjs');
  writeFileSync(file, evaluation.bundle);
  let captured!: (graph: StreamGraph) => void;
  const graphBuilt = new Promise<StreamGraph>((resolve) => { captured = resolve; });
  type Settled = Exclude<ExecutionOutcome, { failure: Error }>;
  let settleExecute!: { resolve: (outcome: Settled) => void; reject: (failure: Error) => void };
  let executed = false;
  let collect: EvaluatedJob['collect'];
  let executedAsync = false;
  /** The job's failure, once execute() threw it: the job file not catching it is no new error. */
  let failure: Error | undefined;
  installJobContext({
    cwd: evaluation.cwd,
    defaultParallelism: evaluation.defaultParallelism,
    configuration: evaluation.configuration,
    execute: async (graph) => finished(await run(graph)).result,
    executeAsync: async (graph) => {
      executedAsync = true;
      const outcome = await run(graph);
      if (!('submitted' in outcome)) throw new Error('executeAsync() was resumed without its JobClient');
      return outcome.submitted;
    },
    executeAndCollect: async (graph, limit) => {
      collect = { limit };
      return finished(await run(graph)).collected ?? [];
    },
  });
  function finished(outcome: Settled): Extract<ExecutionOutcome, { result: unknown }> {
    if (!('result' in outcome)) throw new Error('execute() was resumed before its job ended');
    return outcome;
  }
  function run(graph: StreamGraph): Promise<Settled> {
    if (executed) return Promise.reject(new Error('env.execute() was called a second time: a job file runs one job'));
    executed = true;
    captured(graph);
    return new Promise((resolve, reject) => { settleExecute = { resolve, reject }; });
  }
  const evaluated = import(pathToFileURL(file).href).then(
    () => {
      if (!executed) throw new JobFileError(evaluation.jobFile, 'the job never called env.execute()');
    },
    (error: unknown) => {
      if (error === failure) return;
      const message = error instanceof Error ? error.message : String(error);
      throw new JobFileError(evaluation.jobFile, `failed ${executed ? 'after env.execute()' : 'while building its graph'}: ${message}`, jobLine(error, evaluation.jobFile));
    },
  );
  // A job may fail after it handed over its graph; only a resumed evaluation reports that.
  evaluated.catch(() => undefined);
  try {
    const graph = await Promise.race([graphBuilt, evaluated.then(() => graphBuilt)]);
    return {
      graph,
      collect,
      executedAsync,
      resumeAfterExecute: async (outcome) => {
        if ('failure' in outcome) {
          failure = outcome.failure;
          settleExecute.reject(failure);
        } else {
          settleExecute.resolve(outcome);
        }
        await evaluated;
      },
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
