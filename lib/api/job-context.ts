// The seam between a job file and whatever evaluates it. A job calls `env.execute()`;
// the evaluator (the `sluice run` client, or a TaskManager rebuilding the graph) has
// installed a handler that receives the StreamGraph. Kept on globalThis so that the
// engine and a job bundle share it whatever module instances they were loaded from.
import type { StreamGraph } from '../graph/stream-graph.ts';
import type { JobClient } from './job-client.ts';
import type { JobExecutionResult } from './job-execution-result.ts';

export interface JobContext {
  /** `sluice run --parallelism N`: the environment's default parallelism unless the job sets one. */
  defaultParallelism?: number;
  /** `sluice run -D key=value`: Flink configuration every environment of the job starts from. */
  configuration?: Readonly<Record<string, string>>;
  /** Directory the job was submitted from. */
  cwd: string;
  /** Receives the graph built by the job; what it resolves to (once the job finished) is what `execute()` returns. */
  execute(graph: StreamGraph): Promise<JobExecutionResult>;
  /** Like execute, but resolves as soon as the job is submitted, to a client of the running job. */
  executeAsync(graph: StreamGraph): Promise<JobClient>;
  /** Like execute, for a graph whose collect sink sends its records back: resolves to them once the job has finished. */
  executeAndCollect(graph: StreamGraph, limit: number | undefined): Promise<unknown[]>;
}

const contextKey = Symbol.for('sluice.jobContext');

export function installJobContext(context: JobContext | undefined): void {
  (globalThis as Record<symbol, unknown>)[contextKey] = context;
}

export function currentJobContext(): JobContext | undefined {
  return (globalThis as Record<symbol, unknown>)[contextKey] as JobContext | undefined;
}
