// The JobMaster's bookkeeping of region restarts: a restart waits until every execution of
// its region stopped, then gives the region's subtasks their next attempts, and is over once
// all of them are ready; the other region's executions are never touched.
import t from 'tap';
import { ExecutionGraph } from '../../lib/graph/execution-graph.ts';
import type { JobGraph } from '../../lib/graph/job-graph.ts';
import { computePipelinedRegions } from '../../lib/graph/pipelined-region.ts';
import { RegionRestarts } from '../../lib/graph/region-restarts.ts';

const vertex = (id: string, parallelism: number, isSource = false) => ({ id, name: id, parallelism, maxParallelism: 128, operatorIds: [id], isSource, slotSharingGroup: 'default' });
const edge = (id: string, sourceVertex: string, targetVertex: string) =>
  ({ id, sourceVertex, targetVertex, sourceOperator: sourceVertex, targetOperator: targetVertex, partitioner: 'rebalance' as const, targetInput: 1 as const });
const jobGraph: JobGraph = {
  jobName: 'two pipelines',
  vertices: [vertex('source-a', 1, true), vertex('map-a', 2), vertex('source-b', 1, true), vertex('map-b', 2)],
  edges: [edge('e0', 'source-a', 'map-a'), edge('e1', 'source-b', 'map-b')],
  bufferTimeoutMs: 5,
  fingerprint: 'f',
};
const slot = { tmId: 'tm-1', slotIndex: 0 };
const states = (graph: ExecutionGraph) => graph.vertices.map((v) => `${v.id.vertexId}/${v.id.subtaskIndex}#${v.currentExecution.attemptId.attemptNumber} ${v.currentExecution.state}`);

function runningGraph(): ExecutionGraph {
  const graph = new ExecutionGraph(jobGraph);
  for (const v of graph.vertices) {
    v.currentExecution.deploy(slot);
    v.currentExecution.transitionState('INITIALIZING');
    v.currentExecution.transitionState('RUNNING');
  }
  return graph;
}

t.test('a region restart goes from its stopped executions to new attempts of its subtasks only, started once all are ready', async (t) => {
  const graph = runningGraph();
  const [, regionB] = computePipelinedRegions(jobGraph);
  const restarts = new RegionRestarts(graph);
  const restart = restarts.begin(regionB!, 100);
  t.same(restart.vertices.map((v) => `${v.id.vertexId}/${v.id.subtaskIndex}`), ['source-b/0', 'map-b/0', 'map-b/1']);
  t.ok(restarts.inProgress);

  restart.vertices[1]!.currentExecution.markFailed({ name: 'Error', message: 'map-b (1/2) failed' });
  restart.vertices[0]!.currentExecution.transitionState('CANCELING');
  restart.vertices[2]!.currentExecution.transitionState('CANCELING');
  restart.vertices[0]!.currentExecution.transitionState('CANCELED');
  t.same(restarts.takeStopped(), [], 'not before every execution of the region stopped');
  restart.vertices[2]!.currentExecution.transitionState('CANCELED');
  t.same(restarts.takeStopped(), [restart]);
  t.same(restarts.takeStopped(), [], 'each restart waits its delay once');

  t.equal(restarts.find(restart.id, 'waiting'), restart);
  restarts.deploy(restart);
  t.same(states(graph), [
    'source-a/0#0 RUNNING', 'map-a/0#0 RUNNING', 'map-a/1#0 RUNNING',
    'source-b/0#1 CREATED', 'map-b/0#1 CREATED', 'map-b/1#1 CREATED',
  ], 'the other region keeps its running attempts');
  t.same(graph.attemptNumbers(), { 'source-a': [0], 'map-a': [0, 0], 'source-b': [1], 'map-b': [1, 1] });

  for (const v of restart.vertices) {
    v.currentExecution.deploy(slot);
    t.equal(restarts.takeReady(v), undefined, 'not ready while a new attempt is still deploying');
  }
  for (const v of restart.vertices) v.currentExecution.transitionState('INITIALIZING');
  t.equal(restarts.takeReady(restart.vertices[0]!), restart, 'ready once every new attempt is');
  t.notOk(restarts.inProgress, 'the restart is over');
});

t.test('a restart of a region whose new attempts failed replaces the one in flight; clear() ends them all', async (t) => {
  const graph = runningGraph();
  const [regionA, regionB] = computePipelinedRegions(jobGraph);
  const restarts = new RegionRestarts(graph);
  const first = restarts.begin(regionA!, 100);
  const second = restarts.begin(regionA!, 200);
  t.not(second.id, first.id);
  t.equal(restarts.find(first.id, 'canceling'), undefined, 'the earlier restart is gone: its late timers change nothing');
  t.equal(restarts.find(second.id, 'canceling'), second);
  restarts.begin(regionB!, 100);
  restarts.clear();
  t.notOk(restarts.inProgress);
  t.equal(restarts.find(second.id, 'canceling'), undefined);
});
