// Pipelined regions from the JobGraph (every exchange of a streaming job is pipelined, so a
// region is a connected component), and the region failover strategy that restarts only the
// failed task's region, chosen by Flink's `jobmanager.execution.failover-strategy`.
import t from 'tap';
import { StreamExecutionEnvironment } from '../../lib/api/index.ts';
import { ExecutionGraph } from '../../lib/graph/execution-graph.ts';
import { failoverStrategyFromConfiguration } from '../../lib/graph/failover-strategy-options.ts';
import { createFailoverStrategy, RestartPipelinedRegionFailoverStrategy, type FailoverStrategy } from '../../lib/graph/failover-strategy.ts';
import { toJobGraph } from '../../lib/graph/job-graph-builder.ts';
import { computePipelinedRegions } from '../../lib/graph/pipelined-region.ts';
import { createRestartBackoffTimeStrategy } from '../../lib/restart/restart-backoff-time-strategy.ts';
import { RestartStrategies } from '../../lib/restart/restart-strategies.ts';

const env = (configuration = {}) => StreamExecutionEnvironment.getExecutionEnvironment(configuration).setParallelism(2);
const cause = { name: 'Error', message: 'Map (1/2) failed: boom' };

/** Two pipelines, each its own source → map → keyBy → sum → sink. */
function twoPipelines(e: StreamExecutionEnvironment) {
  for (const name of ['A', 'B']) {
    e.fromElements(1, 2, 3).name(`Source ${name}`).map((x) => x).name(`Map ${name}`).setParallelism(2)
      .keyBy((x) => x).sum(0).name(`Sum ${name}`).print().name(`Sink ${name}`);
  }
  return toJobGraph(e.getStreamGraph('two pipelines'));
}

t.test('two independent pipelines are two regions, each with all of its vertices', async (t) => {
  const graph = twoPipelines(env());
  const names = (ids: readonly string[]) => ids.map((id) => graph.vertices.find((v) => v.id === id)!.name);
  t.same(computePipelinedRegions(graph).map((region) => names(region.vertexIds)), [
    ['Source A', 'Map A', 'Sum A -> Sink A'],
    ['Source B', 'Map B', 'Sum B -> Sink B'],
  ]);
});

t.test('a union joins its inputs into one region', async (t) => {
  const e = env();
  const a = e.fromElements(1, 2).name('Source A');
  const b = e.fromElements(3, 4).name('Source B');
  a.union(b).keyBy((x) => x).sum(0).print();
  const graph = toJobGraph(e.getStreamGraph());
  t.same(computePipelinedRegions(graph), [{ vertexIds: graph.vertices.map((v) => v.id) }]);
});

t.test('a connect (two-input join) joins both pipelines into one region, and a third stays apart', async (t) => {
  const e = env();
  const a = e.fromElements(1, 2).name('Source A').keyBy((x) => x);
  const b = e.fromElements(3, 4).name('Source B').keyBy((x) => x);
  a.connect(b).map({ map1: (x: number) => x, map2: (y: number) => y }).print();
  e.fromElements(5).name('Source C').print();
  const graph = toJobGraph(e.getStreamGraph());
  const regions = computePipelinedRegions(graph);
  t.equal(regions.length, 2);
  t.same(regions[0]!.vertexIds.map((id) => graph.vertices.find((v) => v.id === id)!.name), ['Source A', 'Source B', 'Co-Map -> Print to Std. Out']);
  t.same(regions[1]!.vertexIds.map((id) => graph.vertices.find((v) => v.id === id)!.name), ['Source C', 'Print to Std. Out']);
});

t.test('the region strategy restarts the failed task\'s region only; a global failure restarts all', async (t) => {
  const jobGraph = twoPipelines(env());
  const graph = new ExecutionGraph(jobGraph);
  const regions = computePipelinedRegions(jobGraph);
  const failover: FailoverStrategy = new RestartPipelinedRegionFailoverStrategy(regions, createRestartBackoffTimeStrategy(RestartStrategies.fixedDelayRestart(2, 100)), () => 0);
  const mapB = graph.vertices.find((v) => v.id.vertexId === regions[1]!.vertexIds[1] && v.id.subtaskIndex === 1)!;
  t.same(failover.onTaskFailure(mapB, cause, graph), { type: 'restartRegion', region: regions[1], delayMs: 100 });
  t.same(failover.onGlobalFailure(cause, graph), { type: 'restartAll', delayMs: 100 });
  t.match(failover.onTaskFailure(mapB, cause, graph), { type: 'failJob', reason: /^Map \(1\/2\) failed: boom \(recovery is suppressed by FixedDelayRestartBackoffTimeStrategy/ },
    'every failure counts against the restart strategy');
});

t.test('a failure in a job of one region restarts the whole job', async (t) => {
  const e = env().enableCheckpointing(1000);
  e.fromElements(1, 2).map((x) => x).setParallelism(2).keyBy((x) => x).sum(0).print();
  const jobGraph = toJobGraph(e.getStreamGraph());
  const graph = new ExecutionGraph(jobGraph);
  t.same(createFailoverStrategy(jobGraph).onTaskFailure(graph.vertices[1]!, cause, graph), { type: 'restartAll', delayMs: 1000 });
});

t.test("Flink's key jobmanager.execution.failover-strategy picks region (the default) or full", async (t) => {
  const key = 'jobmanager.execution.failover-strategy';
  t.equal(failoverStrategyFromConfiguration({}), undefined);
  t.equal(failoverStrategyFromConfiguration({ [key]: 'Region' }), 'region');
  t.equal(failoverStrategyFromConfiguration({ [key]: 'full' }), 'full');
  t.throws(() => failoverStrategyFromConfiguration({ [key]: 'partial' }), { message: "jobmanager.execution.failover-strategy: unknown failover strategy 'partial' (expected full or region)" });

  const restartOnce = { 'restart-strategy': 'fixed-delay', 'restart-strategy.fixed-delay.delay': '10 ms' };
  const regionJob = twoPipelines(env(restartOnce));
  t.equal(regionJob.failoverStrategy, undefined, 'unset: the JobMaster applies region');
  const regionGraph = new ExecutionGraph(regionJob);
  t.match(createFailoverStrategy(regionJob).onTaskFailure(regionGraph.vertices[0]!, cause, regionGraph), { type: 'restartRegion', delayMs: 10 });

  const fullJob = twoPipelines(env({ ...restartOnce, [key]: 'full' }));
  t.equal(fullJob.failoverStrategy, 'full');
  const fullGraph = new ExecutionGraph(fullJob);
  t.same(createFailoverStrategy(fullJob).onTaskFailure(fullGraph.vertices[0]!, cause, fullGraph), { type: 'restartAll', delayMs: 10 });
});
