import t from 'tap';
import { OutputTag, StreamExecutionEnvironment, type Partitioner } from '../../lib/api/index.ts';
import { toJobGraph } from '../../lib/graph/job-graph-builder.ts';

t.test('rescale and partitionCustom become edges of their own kind, never chained', async (t) => {
  const env = StreamExecutionEnvironment.getExecutionEnvironment();
  const source = env.fromElements({ id: 1 }, { id: 2 }).uid('src');
  source.rescale().map((x) => x).uid('rescaled').setParallelism(2);
  const byId: Partitioner<number> = { partition: (key, n) => key % n };
  source.partitionCustom(byId, (x) => x.id).map((x) => x).uid('by-selector');
  source.partitionCustom((key: unknown, n) => Number(key) % n, 'id').map((x) => x).uid('by-field');
  const graph = env.getStreamGraph();
  const edge = (target: string) => graph.inEdges(target)[0]!;
  t.equal(edge('rescaled').partitioner, 'rescale');
  t.equal(edge('by-selector').partitioner, 'custom');
  t.equal(edge('by-selector').channelSelector!({ id: 5 }, 3), 2, 'the partitioner applied to the selected key');
  t.equal(edge('by-field').channelSelector!({ id: 4 }, 3), 1, 'the partitioner applied to the field');
  t.equal(edge('by-selector').keySelector, undefined, 'a custom-partitioned input is not keyed');
  t.equal(graph.node('by-selector').stateKeySelector1, undefined);
  t.same(toJobGraph(graph).vertices.map((v) => v.operatorIds), [['src'], ['rescaled'], ['by-selector'], ['by-field']]);
});

t.test('getSideOutput reads the tagged output of one operator, and keeps the tag under a new partitioning', async (t) => {
  const env = StreamExecutionEnvironment.getExecutionEnvironment();
  const tag = new OutputTag<string>('odd');
  const main = env.fromElements(1).map((x) => x).uid('main');
  main.getSideOutput(tag).rebalance().print().uid('side-sink').setParallelism(2);
  main.print().uid('main-sink');
  const graph = env.getStreamGraph();
  t.same(graph.inEdges('side-sink').map((e) => [e.sourceId, e.partitioner, e.outputTag]), [['main', 'rebalance', 'odd']]);
  t.same(graph.inEdges('main-sink').map((e) => [e.sourceId, e.partitioner, e.outputTag]), [['main', 'forward', undefined]]);
  t.throws(() => main.getSideOutput('odd' as never), /operator 'Map' \(main\): getSideOutput needs an OutputTag/);
});
