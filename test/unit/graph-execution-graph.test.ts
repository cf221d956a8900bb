import t from 'tap';
import { ExecutionGraph } from '../../lib/graph/execution-graph.ts';
import { failureCause } from '../../lib/graph/failure-cause.ts';
import type { JobGraph } from '../../lib/graph/job-graph.ts';

const jobGraph: JobGraph = {
  jobName: 'two tasks',
  vertices: [
    { id: 'op-1', name: 'Source', parallelism: 1, maxParallelism: 128, operatorIds: ['op-1'], isSource: true, slotSharingGroup: 'default' },
    { id: 'op-2', name: 'Map -> Sink', parallelism: 2, maxParallelism: 128, operatorIds: ['op-2', 'op-3'], isSource: false, slotSharingGroup: 'default' },
  ],
  edges: [],
  bufferTimeoutMs: 5,
  fingerprint: 'f',
};
const slot = { tmId: 'tm-1', slotIndex: 0 };
const cause = { name: 'Error', message: 'Map -> Sink (2/2) failed: boom' };
const states = (graph: ExecutionGraph) => graph.vertices.map((v) => `${v.id.vertexId}/${v.id.subtaskIndex}#${v.currentExecution.attemptId.attemptNumber} ${v.currentExecution.state}`);

t.test('every subtask starts as attempt 0, CREATED', async (t) => {
  const graph = new ExecutionGraph(jobGraph);
  t.same(states(graph), ['op-1/0#0 CREATED', 'op-2/0#0 CREATED', 'op-2/1#0 CREATED']);
  t.same(graph.attemptNumbers(), { 'op-1': [0], 'op-2': [0, 0] });
});

t.test('reports move the current execution through its states', async (t) => {
  const graph = new ExecutionGraph(jobGraph);
  for (const vertex of graph.vertices) vertex.currentExecution.deploy(slot);
  t.equal(graph.countIn('DEPLOYING'), 3);
  t.same(graph.vertices[0]!.currentExecution.slot, slot);
  const execution = { vertexId: 'op-2', subtaskIndex: 1, attemptNumber: 0 };
  t.equal(graph.updateState({ execution, state: 'INITIALIZING' }), graph.vertices[2]);
  t.equal(graph.updateState({ execution, state: 'RUNNING' }), graph.vertices[2]);
  t.equal(graph.updateState({ execution, state: 'FAILED', cause }), graph.vertices[2]);
  t.same(graph.vertices[2]!.currentExecution.failureCause, cause);
  t.same(states(graph), ['op-1/0#0 DEPLOYING', 'op-2/0#0 DEPLOYING', 'op-2/1#0 FAILED']);
  t.notOk(graph.isTerminal());
});

t.test('a final state is final, and an execution being canceled is not revived', async (t) => {
  const graph = new ExecutionGraph(jobGraph);
  const [source, map0] = graph.vertices;
  t.ok(source!.currentExecution.transitionState('FINISHED'));
  t.equal(graph.updateState({ execution: { vertexId: 'op-1', subtaskIndex: 0, attemptNumber: 0 }, state: 'RUNNING' }), undefined);
  t.equal(source!.currentExecution.state, 'FINISHED');
  map0!.currentExecution.transitionState('CANCELING');
  t.equal(graph.updateState({ execution: { vertexId: 'op-2', subtaskIndex: 0, attemptNumber: 0 }, state: 'RUNNING' }), undefined);
  t.equal(graph.updateState({ execution: { vertexId: 'op-2', subtaskIndex: 0, attemptNumber: 0 }, state: 'FAILED', cause }), map0);
  t.equal(map0!.currentExecution.state, 'CANCELED', 'a failure while canceling completes the cancellation');
  t.equal(map0!.currentExecution.failureCause, undefined);
});

t.test('a new attempt replaces a stopped one; reports of the old attempt change nothing', async (t) => {
  const graph = new ExecutionGraph(jobGraph);
  const map1 = graph.vertices[2]!;
  t.throws(() => map1.resetForNewExecution(), { message: 'cannot restart subtask 1 of vertex op-2: attempt 0 is still CREATED' });
  const old = { vertexId: 'op-2', subtaskIndex: 1, attemptNumber: 0 };
  graph.updateState({ execution: old, state: 'FAILED', cause });
  const next = map1.resetForNewExecution();
  t.same(next.attemptId, { vertexId: 'op-2', subtaskIndex: 1, attemptNumber: 1 });
  t.equal(next.state, 'CREATED');
  t.same(graph.attemptNumbers(), { 'op-1': [0], 'op-2': [0, 1] });
  t.equal(graph.updateState({ execution: old, state: 'FAILED', cause }), undefined, 'a late failure of attempt 0 is stale');
  t.equal(graph.updateState({ execution: old, state: 'INITIALIZING' }), undefined);
  t.equal(next.state, 'CREATED');
  t.equal(graph.updateState({ execution: next.attemptId, state: 'INITIALIZING' }), map1);
  t.equal(graph.updateState({ execution: { ...old, attemptNumber: 2 }, state: 'RUNNING' }), undefined, 'nor does a report of an attempt not yet made');
  t.equal(graph.updateState({ execution: { vertexId: 'op-9', subtaskIndex: 0, attemptNumber: 0 }, state: 'RUNNING' }), undefined, 'nor one of an unknown vertex');
});

t.test('the graph is terminal when every current execution has stopped', async (t) => {
  const graph = new ExecutionGraph(jobGraph);
  for (const vertex of graph.vertices) {
    t.notOk(graph.isTerminal());
    vertex.currentExecution.transitionState('FINISHED');
  }
  t.ok(graph.isTerminal());
});

t.test('a failure cause keeps the error\'s name and stack and names its place', async (t) => {
  const error = new TypeError('cannot price order 2');
  t.same(failureCause(error, 'Price (1/1) failed'), { name: 'TypeError', message: 'Price (1/1) failed: cannot price order 2', stack: error.stack });
  t.same(failureCause('a string'), { name: 'Error', message: 'a string' });
});
