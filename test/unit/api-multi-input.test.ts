import t from 'tap';
import { RichCoMapFunction, StreamExecutionEnvironment, type CoFlatMapFunction, type CoMapFunction } from '../../lib/api/index.ts';
import { toJobGraph } from '../../lib/graph/job-graph-builder.ts';
import type { JobGraph } from '../../lib/graph/job-graph.ts';
import type { StreamGraph } from '../../lib/graph/stream-graph.ts';

const env = (parallelism = 2) => StreamExecutionEnvironment.getExecutionEnvironment().setParallelism(parallelism);
const streamEdges = (graph: StreamGraph) => graph.edges.map((e) => `${e.sourceId}-${e.partitioner}->${e.targetId}.${e.targetInput}`);
const vertices = (graph: JobGraph) => graph.vertices.map((v) => `${v.name} [${v.operatorIds.join(',')}] x${v.parallelism}`);
const jobEdges = (graph: JobGraph) => graph.edges.map((e) => `${e.sourceOperator}@${e.sourceVertex} -${e.partitioner}-> ${e.targetOperator}@${e.targetVertex}.${e.targetInput}`);

const parallelSource = <T = number>(e: StreamExecutionEnvironment, name: string) =>
  e.addSource<T>({ parallel: true, run: async () => {}, cancel: () => {} }, name);
const concat: CoMapFunction<number, string, string> = { map1: (n) => String(n), map2: (s) => s };
const concatNumbers: CoMapFunction<number, number, string> = { map1: (n) => `1:${n}`, map2: (n) => `2:${n}` };

t.test('union adds no operator: its consumer gets an edge from each input, whatever their parallelism', async (t) => {
  const e = env(2);
  const numbers = e.fromElements(1, 2).name('one');
  const doubled = numbers.map((n) => n * 2).name('two');
  const tripled = numbers.map((n) => n * 3).name('three').setParallelism(3);
  doubled.union(tripled, numbers).print().name('out');
  const graph = e.getStreamGraph();
  t.same([...graph.nodes.values()].map((n) => n.name), ['one', 'two', 'three', 'out']);
  t.same(streamEdges(graph), [
    'op-1-rebalance->op-2.1',
    'op-1-rebalance->op-3.1',
    'op-2-forward->op-4.1',
    'op-3-rebalance->op-4.1',
    'op-1-rebalance->op-4.1',
  ]);
});

t.test('union keeps each input partitioning; one after the union applies to every input', async (t) => {
  const e = env(2);
  const a = parallelSource(e, 'a');
  const b = parallelSource(e, 'b');
  a.keyBy((n) => n % 3).union(b.broadcast(), a).print();
  a.union(b).keyBy((n) => -n).print();
  const graph = e.getStreamGraph();
  t.same(streamEdges(graph), [
    'op-1-hash->op-3.1',
    'op-2-broadcast->op-3.1',
    'op-1-forward->op-3.1',
    'op-1-hash->op-4.1',
    'op-2-hash->op-4.1',
  ]);
  t.equal(graph.edges[0].keySelector?.(7), 1, 'the keyed input keeps its selector');
  t.same([graph.edges[3].keySelector?.(5), graph.edges[4].keySelector?.(6)], [-5, -6], 'keyBy after union keys both inputs');
});

t.test('a stream unioned with itself is read twice (bag union), over two edges', async (t) => {
  const e = env(1);
  const numbers = e.fromElements(1);
  numbers.union(numbers).print();
  const graph = toJobGraph(e.getStreamGraph());
  t.same(vertices(graph), ['Collection Source [op-1] x1', 'Print to Std. Out [op-2] x1']);
  t.same(graph.edges.map((edge) => edge.id), ['e0', 'e1']);
});

t.test('the consumer of a union heads a chain; its successors chain to it', async (t) => {
  const e = env(2);
  const a = parallelSource(e, 'a');
  const b = parallelSource(e, 'b');
  a.union(b).map((n) => n).filter(() => true).print();
  const graph = toJobGraph(e.getStreamGraph());
  t.same(vertices(graph), ['a [op-1] x2', 'b [op-2] x2', 'Map -> Filter -> Print to Std. Out [op-3,op-4,op-5] x2']);
  t.same(jobEdges(graph), ['op-1@op-1 -forward-> op-3@op-3.1', 'op-2@op-2 -forward-> op-3@op-3.1']);
});

t.test('connect feeds the first stream to input 1 and the second to input 2; the two-input operator heads a chain', async (t) => {
  const e = env(2);
  const numbers = parallelSource(e, 'numbers');
  const words = e.fromElements('a', 'b').name('words');
  const more = parallelSource<string>(e, 'more');
  numbers.connect(words.union(more)).map(concat).print();
  const graph = e.getStreamGraph();
  t.equal(graph.node('op-4').name, 'Co-Map');
  t.same(streamEdges(graph), ['op-1-forward->op-4.1', 'op-2-rebalance->op-4.2', 'op-3-forward->op-4.2', 'op-4-forward->op-5.1']);
  const jobGraph = toJobGraph(graph);
  t.same(vertices(jobGraph), ['numbers [op-1] x2', 'words [op-2] x1', 'more [op-3] x2', 'Co-Map -> Print to Std. Out [op-4,op-5] x2']);
  t.same(jobEdges(jobGraph), [
    'op-1@op-1 -forward-> op-4@op-4.1',
    'op-2@op-2 -rebalance-> op-4@op-4.2',
    'op-3@op-3 -forward-> op-4@op-4.2',
  ]);
});

t.test('keyBy on connected streams, or connecting two keyed streams, hashes each input by its own key', async (t) => {
  const e = env(4);
  const orders = e.fromElements({ customer: 'c1', amount: 3 });
  const customers = e.fromElements(['c1', 'Carol'] as [string, string]);
  const flatMapper: CoFlatMapFunction<{ customer: string; amount: number }, [string, string], string> = {
    flatMap1: (order, out) => out.collect(order.customer),
    flatMap2: (customer, out) => out.collect(customer[1]),
  };
  orders.connect(customers).keyBy((order) => order.customer, (customer) => customer[0]).flatMap(flatMapper);
  orders.keyBy('customer').connect(customers.keyBy(0)).flatMap(flatMapper).name('by fields');
  const graph = e.getStreamGraph();
  t.same(streamEdges(graph), ['op-1-hash->op-3.1', 'op-2-hash->op-3.2', 'op-1-hash->op-4.1', 'op-2-hash->op-4.2']);
  for (const [first, second] of [[0, 1], [2, 3]] as const) {
    t.equal(graph.edges[first].keySelector?.({ customer: 'c1', amount: 3 }), 'c1');
    t.equal(graph.edges[second].keySelector?.(['c1', 'Carol']), 'c1');
  }
  t.equal(graph.node('op-3').name, 'Co-Flat Map');
});

t.test('an input is keyed when all its edges hash by one selector; each input of connect on its own, as in Flink', async (t) => {
  const e = env(2);
  const a = parallelSource(e, 'a');
  const b = parallelSource(e, 'b');
  const parity = (n: number) => n % 2;
  a.keyBy(parity).union(b).print().uid('keyed-with-plain');
  a.keyBy(parity).union(b.keyBy((n) => -n)).print().uid('two-keys');
  a.union(b).keyBy(parity).print().uid('keyed-after-union');
  a.connect(b).keyBy(parity, (n) => n % 2).map(concatNumbers).uid('both-keyed');
  a.keyBy(parity).connect(b).map(concatNumbers).uid('first-keyed');
  const graph = e.getStreamGraph();
  const keyed = (id: string) => [graph.node(id).stateKeySelector1 !== undefined, graph.node(id).stateKeySelector2 !== undefined];
  t.same(keyed('keyed-with-plain'), [false, false], 'a keyed stream merged with a plain one');
  t.same(keyed('two-keys'), [false, false], 'keyed streams merged with different selectors');
  t.same(keyed('keyed-after-union'), [true, false]);
  t.equal(graph.node('keyed-after-union').stateKeySelector1?.(7), 1);
  t.same(keyed('both-keyed'), [true, true]);
  t.same(keyed('first-keyed'), [true, false]);
});

t.test('the fingerprint tells input 1 from input 2', async (t) => {
  const declare = (connect: boolean) => {
    const e = env(1);
    const a = e.fromElements(1);
    const b = e.fromElements(2);
    if (connect) a.connect(b).map({ map1: (n) => n, map2: (n) => n }).name('merge');
    else a.union(b).map((n) => n).name('merge');
    return e.getStreamGraph();
  };
  t.same(streamEdges(declare(false)).map((edge) => edge.slice(0, -2)), streamEdges(declare(true)).map((edge) => edge.slice(0, -2)), 'the same edges but for their input');
  t.not(declare(false).fingerprint(), declare(true).fingerprint());
  t.equal(declare(true).fingerprint(), declare(true).fingerprint());
});

t.test('rich co-functions are accepted as class instances', async (t) => {
  class Tag extends RichCoMapFunction<number, string, string> {
    map1(value: number) {
      return `n${value}`;
    }
    map2(value: string) {
      return `s${value}`;
    }
  }
  const e = env(1);
  e.fromElements(1).connect(e.fromElements('x')).map(new Tag()).print();
  t.equal(e.getStreamGraph().node('op-3').name, 'Co-Map');
});

t.test('bad input fails with the stream or operator named', async (t) => {
  const e = env(1);
  const numbers = e.fromElements(1).map((n) => n).name('numbers');
  const words = e.fromElements('a').uid('words');
  t.throws(() => numbers.union(), { message: "operator 'numbers' (op-2): union() needs at least one stream to merge with" });
  t.throws(() => numbers.union(numbers).union(), { message: "union of operator 'numbers' (op-2), operator 'numbers' (op-2): union() needs at least one stream to merge with" });
  const connected = numbers.connect(words);
  t.throws(() => connected.map({ map1: (n: number) => String(n) } as unknown as CoMapFunction<number, string, string>), {
    message: "operator 'Co-Map' connecting operator 'numbers' (op-2) and operator 'Collection Source' (words): the CoMapFunction has no map2 method (pass { map1, map2 } or a RichCoMapFunction)",
  });
  t.throws(() => connected.flatMap({} as CoFlatMapFunction<number, string, string>), {
    message: "operator 'Co-Flat Map' connecting operator 'numbers' (op-2) and operator 'Collection Source' (words): the CoFlatMapFunction has no flatMap1 or flatMap2 method (pass { flatMap1, flatMap2 } or a RichCoFlatMapFunction)",
  });
  const other = env(1).fromElements('b');
  t.throws(() => numbers.connect(other), { message: "operator 'numbers' (op-2): cannot connect with operator 'Collection Source' (op-1), which belongs to another StreamExecutionEnvironment" });
  t.throws(() => words.union(other), { message: "operator 'Collection Source' (words): cannot union with operator 'Collection Source' (op-1), which belongs to another StreamExecutionEnvironment" });
  t.equal(e.getStreamGraph().nodes.size, 3, 'a rejected call adds no operator');
});
