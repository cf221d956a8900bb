// Installs a JobContext that keeps the graphs `env.execute()` hands it, as `sluice run` would receive them.
import { installJobContext, type JobContext } from '../../../lib/api/job-context.ts';
import type { StreamGraph } from '../../../lib/graph/stream-graph.ts';
import { JobExecutionResult } from '../../../lib/api/job-execution-result.ts';

export function captureJobGraphs(settings: Partial<Pick<JobContext, 'defaultParallelism' | 'cwd'>> = {}): StreamGraph[] {
  const graphs: StreamGraph[] = [];
  installJobContext({
    cwd: settings.cwd ?? process.cwd(),
    defaultParallelism: settings.defaultParallelism,
    async execute(graph) {
      graphs.push(graph);
      return new JobExecutionResult(`job-${graphs.length}`, 0);
    },
    async executeAsync(graph) {
      graphs.push(graph);
      throw new Error('captureJobGraphs runs no job: executeAsync() has no client to give');
    },
    async executeAndCollect(graph) {
      graphs.push(graph);
      return [];
    },
  });
  return graphs;
}
