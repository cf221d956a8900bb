import t from 'tap';
import { StreamExecutionEnvironment } from '../../lib/api/index.ts';
import { toJobGraph } from '../../lib/graph/job-graph-builder.ts';
import type { JobGraph } from '../../lib/graph/job-graph.ts';
import { SlotSharingLayout } from '../../lib/graph/slot-sharing-layout.ts';

const env = (parallelism = 2) => StreamExecutionEnvironment.getExecutionEnvironment().setParallelism(parallelism);
const vertices = (graph: JobGraph) => graph.vertices.map((v) => `${v.name} [${v.operatorIds.join(',')}] x${v.parallelism}`);
const edges = (graph: JobGraph) => graph.edges.map((e) => `${e.id}: ${e.sourceOperator}@${e.sourceVertex} -${e.partitioner}-> ${e.targetOperator}@${e.targetVertex}`);

function parallelSource(environment: StreamExecutionEnvironment) {
  return environment.addSource({ parallel: true, run: async () => {}, cancel: () => {} }, 'Numbers');
}

t.test('a parallel source chains with a following flatMap; keyBy breaks the chain', async (t) => {
  const e = env();
  parallelSource(e).flatMap((x: unknown, out) => out.collect(x)).keyBy((x) => x).sum(0).print();
  const graph = toJobGraph(e.getStreamGraph('chains'));
  t.same(vertices(graph), ['Numbers -> Flat Map [op-1,op-2] x2', 'Keyed Aggregation -> Print to Std. Out [op-3,op-4] x2']);
  t.same(edges(graph), ['e0: op-2@op-1 -hash-> op-3@op-3']);
  t.equal(graph.jobName, 'chains');
  t.equal(graph.bufferTimeoutMs, 5);
  t.equal(graph.fingerprint, e.getStreamGraph('chains').fingerprint());
  t.same(graph.vertices.map((v) => v.isSource), [true, false]);
});

t.test('a change of parallelism breaks the chain (rebalance edge)', async (t) => {
  const e = env();
  e.fromElements(1, 2).map((x) => x + 1).filter((x) => x > 1).setParallelism(2).print().setParallelism(2);
  const graph = toJobGraph(e.getStreamGraph());
  t.same(vertices(graph), ['Collection Source [op-1] x1', 'Map -> Filter -> Print to Std. Out [op-2,op-3,op-4] x2']);
  t.same(edges(graph), ['e0: op-1@op-1 -rebalance-> op-2@op-2']);
});

t.test('disableChaining isolates the operator, startNewChain only cuts before it', async (t) => {
  const e = env(1);
  const source = e.fromElements(1);
  source.map((x) => x).disableChaining().map((x) => x).print();
  source.filter(() => true).startNewChain().map((x) => x).print();
  const graph = toJobGraph(e.getStreamGraph());
  t.same(vertices(graph), ['Collection Source [op-1]', 'Map [op-2]', 'Map -> Print to Std. Out [op-3,op-4]', 'Filter -> Map -> Print to Std. Out [op-5,op-6,op-7]'].map((v) => `${v} x1`));
  t.same(edges(graph), [
    'e0: op-1@op-1 -forward-> op-2@op-2',
    'e1: op-2@op-2 -forward-> op-3@op-3',
    'e2: op-1@op-1 -forward-> op-5@op-5',
  ]);
});

t.test('a chain may fan out to several chained outputs; different max parallelism breaks it', async (t) => {
  const e = env(1);
  const mapped = e.fromElements(1).map((x) => x);
  mapped.print();
  mapped.print().setMaxParallelism(64);
  const graph = toJobGraph(e.getStreamGraph());
  t.same(vertices(graph), ['Collection Source -> Map -> Print to Std. Out [op-1,op-2,op-3] x1', 'Print to Std. Out [op-4] x1']);
  t.same(edges(graph), ['e0: op-2@op-1 -forward-> op-4@op-4']);
});

t.test('disableOperatorChaining gives every operator its own vertex', async (t) => {
  const e = env(1).disableOperatorChaining();
  e.fromElements(1).map((x) => x).print();
  const graph = toJobGraph(e.getStreamGraph());
  t.equal(graph.vertices.length, 3);
  t.same(graph.edges.map((edge) => edge.id), ['e0', 'e1']);
});

t.test('slotSharingGroup: set on an operator, inherited from inputs that agree, else default; chains never cross groups', async (t) => {
  const e = env(1);
  const source = e.fromElements(1);
  const isolated = source.map((x) => x).name('Isolated').slotSharingGroup('side');
  const after = isolated.filter(() => true).name('After');
  after.union(source.map((x) => x).name('Main')).map((x) => x).name('Merged').print();
  const graph = toJobGraph(e.getStreamGraph());
  t.same(graph.vertices.map((v) => `${v.name}: ${v.slotSharingGroup}`), [
    'Collection Source -> Main: default',
    'Isolated -> After: side',
    'Merged -> Print to Std. Out: default',
  ], 'Isolated does not join its input\'s chain; After inherits side; the union of side and default falls back to default');
  t.throws(() => source.map((x) => x).slotSharingGroup(''), { message: /^operator 'Map' \(op-\d+\): a slot sharing group needs a non-empty name \(got \)$/ });
});

t.test('a slot sharing group takes as many slots as its highest parallelism; its k-th slot runs subtask k of each of its tasks', async (t) => {
  const e = env(2);
  e.fromElements(1, 2, 3).map((x) => x).setParallelism(3).slotSharingGroup('maps').rebalance().print().setParallelism(2).slotSharingGroup('default');
  const graph = toJobGraph(e.getStreamGraph());
  const layout = new SlotSharingLayout(graph.vertices);
  t.equal(layout.slotCount, 5, 'default: the source (1) and the sink (2) share 2 slots; maps takes 3 more');
  const [source, map, sink] = graph.vertices.map((v) => v.id);
  t.same([layout.slotOf(source!, 0), layout.slotOf(sink!, 0), layout.slotOf(sink!, 1)], [0, 0, 1]);
  t.same([0, 1, 2].map((subtask) => layout.slotOf(map!, subtask)), [2, 3, 4]);
  t.throws(() => layout.slotOf('op-99', 0), { message: 'no task op-99 in this job' });
});
