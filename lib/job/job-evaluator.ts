// Evaluates a job bundle to obtain its StreamGraph. The client does it once to validate
// and translate the job; every TaskManager worker does it again to get the functions.
// `env.execute()` hands us the graph and then never settles, so nothing the job does
// after execute() runs while we only wanted its graph.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { installJobContext } from '../api/job-context.ts';
import type { StreamGraph } from '../graph/stream-graph.ts';
import { localWorkingDirectory } from '../settings/local-working-directory.ts';
import { sluiceApiGlobal } from './job-bundler.ts';
import { JobFileError } from './job-file-error.ts';

export interface JobEvaluation {
  bundle: string;
  /** As the user named it, for messages. */
  jobFile: string;
  cwd: string;
  defaultParallelism?: number;
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

export async function evaluateJob(evaluation: JobEvaluation): Promise<StreamGraph> {
  await exposeApi();
  process.setSourceMapsEnabled(true);
  // A process killed while it evaluates leaves this behind: under a TaskManager's $SLUICE_TMP, its owner's to clear.
  const dir = mkdtempSync(join(localWorkingDirectory(), 'sluice-job-'));
  const file = join(dir, 'job.mjs');
  writeFileSync(file, evaluation.bundle);
  let captured!: (graph: StreamGraph) => void;
  const graphBuilt = new Promise<StreamGraph>((resolve) => { captured = resolve; });
  installJobContext({
    cwd: evaluation.cwd,
    defaultParallelism: evaluation.defaultParallelism,
    execute: (graph) => {
      captured(graph);
      return new Promise(() => undefined);
    },
  });
  try {
    const evaluated = import(pathToFileURL(file).href).then(
      () => { throw new JobFileError(evaluation.jobFile, 'the job never called env.execute()'); },
      (error: unknown) => {
        const message = error instanceof Error ? error.message : String(error);
        throw new JobFileError(evaluation.jobFile, `failed while building its graph: ${message}`, jobLine(error, evaluation.jobFile));
      },
    );
    // A job may fail after it handed over its graph; that is no longer our concern.
    evaluated.catch(() => undefined);
    return await Promise.race([graphBuilt, evaluated]);
  } finally {
    installJobContext(undefined);
    rmSync(dir, { recursive: true, force: true });
  }
}
