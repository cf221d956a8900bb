import t from 'tap';
import { installJobContext } from '../../lib/api/job-context.ts';
import { JobExecutionResult, RuntimeExecutionMode, RichParallelSourceFunction, StreamExecutionEnvironment, type Collector, type SourceContext } from '../../lib/api/index.ts';
import { captureJobGraphs } from './helpers/capture-job-context.ts';

const tokenize = (line: string, out: Collector<[string, number]>) => {
  for (const word of line.toLowerCase().split(/\W+/)) if (word) out.collect([word, 1]);
};

function declareWordCount(env: StreamExecutionEnvironment) {
  env.fromElements('to be or not to be', 'that is the question').flatMap(tokenize).name('tokenizer').keyBy((value) => value[0]).sum(1).print();
}

function edgeSummary(env: StreamExecutionEnvironment): string[] {
  return env.getStreamGraph().edges.map((e) => `${e.sourceId}-${e.partitioner}->${e.targetId}`);
}

t.afterEach(() => installJobContext(undefined));

t.test('getExecutionPlan: the graph as Flink\'s JSON plan, without running the job', async (t) => {
  const graphs = captureJobGraphs();
  const env = StreamExecutionEnvironment.getExecutionEnvironment().setParallelism(4);
  declareWordCount(env);
  t.same(JSON.parse(env.getExecutionPlan()), {
    nodes: [
      { id: 1, type: 'Source: Collection Source', pact: 'Data Source', contents: 'Source: Collection Source', parallelism: 1 },
      { id: 2, type: 'tokenizer', pact: 'Operator', contents: 'tokenizer', parallelism: 4, predecessors: [{ id: 1, ship_strategy: 'REBALANCE', side: 'second' }] },
      { id: 3, type: 'Keyed Aggregation', pact: 'Operator', contents: 'Keyed Aggregation', parallelism: 4, predecessors: [{ id: 2, ship_strategy: 'HASH', side: 'second' }] },
      { id: 4, type: 'Sink: Print to Std. Out', pact: 'Data Sink', contents: 'Sink: Print to Std. Out', parallelism: 4, predecessors: [{ id: 3, ship_strategy: 'FORWARD', side: 'second' }] },
    ],
  });
  t.equal(graphs.length, 0, 'nothing was submitted');
  await env.execute('WordCount');
  t.equal(graphs[0]!.nodes.size, 4, 'and the job can still be executed as declared');
});

t.test('word count: auto ids by creation order, Flink names, partitioners as edge properties', async (t) => {
  const env = StreamExecutionEnvironment.getExecutionEnvironment().setParallelism(4);
  declareWordCount(env);
  const graph = env.getStreamGraph('WordCount');
  t.same(
    [...graph.nodes.values()].map((n) => [n.id, n.name, n.parallelism, n.maxParallelism, n.isSource]),
    [
      ['op-1', 'Collection Source', 1, 128, true],
      ['op-2', 'tokenizer', 4, 128, false],
      ['op-3', 'Keyed Aggregation', 4, 128, false],
      ['op-4', 'Print to Std. Out', 4, 128, false],
    ],
  );
  t.same(edgeSummary(env), ['op-1-rebalance->op-2', 'op-2-hash->op-3', 'op-3-forward->op-4']);
  t.equal(graph.edges[1].keySelector?.(['be', 1]), 'be', 'the hash edge carries the key selector');
  t.equal(graph.jobName, 'WordCount');
  t.equal(graph.bufferTimeoutMs, 5);
});

t.test('two evaluations of one job give equal fingerprints; a changed job does not', async (t) => {
  const first = StreamExecutionEnvironment.getExecutionEnvironment().setParallelism(2);
  const second = StreamExecutionEnvironment.getExecutionEnvironment().setParallelism(2);
  declareWordCount(first);
  declareWordCount(second);
  t.equal(first.getStreamGraph().fingerprint(), second.getStreamGraph().fingerprint());
  second.setParallelism(3);
  t.not(first.getStreamGraph().fingerprint(), second.getStreamGraph().fingerprint());
});

t.test('uid replaces the auto id, also after downstream operators were declared', async (t) => {
  const env = StreamExecutionEnvironment.getExecutionEnvironment();
  const words = env.fromElements('a').uid('lines').map((s) => s.toUpperCase());
  words.print();
  words.uid('upper');
  t.same(edgeSummary(env), ['lines-forward->upper', 'upper-forward->op-3']);
  t.throws(() => words.uid('has.dot'), /uid 'has\.dot' may contain only letters/);
});

t.test('explicit partitioners, and the default rebalance between unequal parallelisms', async (t) => {
  const env = StreamExecutionEnvironment.getExecutionEnvironment().setParallelism(2);
  const mapped = env.fromElements(1, 2).map((x) => x * 2);
  mapped.shuffle().filter(() => true);
  mapped.broadcast().print();
  mapped.global().print();
  mapped.rebalance().print().setParallelism(3);
  mapped.keyBy('length').print();
  mapped.print().setParallelism(1);
  t.same(edgeSummary(env), [
    'op-1-rebalance->op-2',
    'op-2-shuffle->op-3',
    'op-2-broadcast->op-4',
    'op-2-global->op-5',
    'op-2-rebalance->op-6',
    'op-2-hash->op-7',
    'op-2-rebalance->op-8',
  ]);
});

t.test('forward across a change of parallelism fails naming both operators', async (t) => {
  const env = StreamExecutionEnvironment.getExecutionEnvironment().setParallelism(2);
  env.fromElements(1).map((x) => x).name('doubler').forward().print().name('out').setParallelism(3);
  t.throws(() => env.getStreamGraph(), /Forward partitioning does not allow change of parallelism.*'doubler'.*parallelism 2.*'out'.*parallelism 3/);
});

t.test('a non-parallel source keeps parallelism 1; a parallel source takes the default', async (t) => {
  const env = StreamExecutionEnvironment.getExecutionEnvironment().setParallelism(3);
  const elements = env.fromElements(1, 2, 3);
  t.throws(() => elements.setParallelism(2), { message: "operator 'Collection Source' (op-1): The parallelism of non parallel operator must be 1." });
  t.throws(() => env.socketTextStream('localhost', 1).setParallelism(4), /The parallelism of non parallel operator must be 1\./);
  const plain = env.addSource({ run: async () => {}, cancel: () => {} });
  class Counter extends RichParallelSourceFunction<number> {
    async run(ctx: SourceContext<number>) {
      await ctx.collect(this.getRuntimeContext().getIndexOfThisSubtask());
    }
    cancel() {}
  }
  env.addSource(new Counter(), 'counter');
  plain.print();
  t.same(
    [...env.getStreamGraph().nodes.values()].map((n) => [n.name, n.parallelism]),
    [['Collection Source', 1], ['Socket Stream', 1], ['Custom Source', 1], ['counter', 3], ['Print to Std. Out', 3]],
  );
});

t.test('invalid settings fail with the operator named', async (t) => {
  const env = StreamExecutionEnvironment.getExecutionEnvironment();
  const mapped = env.fromElements(1).map((x) => x).name('m');
  t.throws(() => mapped.setParallelism(0), /operator 'm' \(op-2\): The parallelism of an operator must be at least 1/);
  t.throws(() => env.setParallelism(1.5), /at least 1/);
  mapped.setParallelism(8).setMaxParallelism(4);
  t.throws(() => env.getStreamGraph(), /operator 'm' \(op-2\): parallelism 8 exceeds the maximum parallelism 4/);
  mapped.setMaxParallelism(8);
  env.fromElements(2).uid('m-source');
  env.fromElements(3).uid('m-source');
  t.throws(() => env.getStreamGraph(), /duplicate uid 'm-source', used by operators 'Collection Source' and 'Collection Source'/);
  t.throws(() => StreamExecutionEnvironment.getExecutionEnvironment().getStreamGraph(), /No operators defined/);
});

t.test('execute() hands the graph to the installed job context', async (t) => {
  const graphs = captureJobGraphs({ defaultParallelism: 3 });
  const env = StreamExecutionEnvironment.getExecutionEnvironment();
  t.equal(env.getParallelism(), 3, 'the default parallelism comes from the job context');
  env.setBufferTimeout(20).disableOperatorChaining();
  declareWordCount(env);
  const result = await env.execute('WordCount');
  t.type(result, JobExecutionResult);
  t.equal(result.getJobID(), 'job-1', 'what the job context resolved execute() with');
  t.equal(graphs.length, 1);
  t.equal(graphs[0].bufferTimeoutMs, 20);
  t.equal(graphs[0].chainingEnabled, false);
  t.equal(graphs[0].node('op-3').parallelism, 3);
});

t.test('execute() without a job context explains how to run the job', async (t) => {
  const env = StreamExecutionEnvironment.getExecutionEnvironment();
  t.equal(env.getParallelism(), 1);
  declareWordCount(env);
  await t.rejects(env.execute(), { message: 'No Sluice job context: run this job with `sluice run <file>`' });
});

t.test('the runtime mode: STREAMING by default, BATCH without checkpoints, AUTOMATIC by the sources; a wrong name is refused', async (t) => {
  const bounded = () => {
    const env = StreamExecutionEnvironment.getExecutionEnvironment().enableCheckpointing(1000);
    env.fromSequence(1, 10).print();
    return env;
  };
  t.equal(bounded().getStreamGraph().runtimeMode, 'STREAMING');
  const batch = bounded().setRuntimeMode(RuntimeExecutionMode.BATCH).getStreamGraph();
  t.equal(batch.runtimeMode, 'BATCH');
  t.equal(batch.checkpointing, undefined, 'no checkpoints in BATCH');
  t.equal(bounded().setRuntimeMode(RuntimeExecutionMode.AUTOMATIC).getStreamGraph().runtimeMode, 'BATCH');
  t.equal(StreamExecutionEnvironment.getExecutionEnvironment({ 'execution.runtime-mode': 'automatic' }).fromElements(1).getExecutionEnvironment().getStreamGraph().runtimeMode, 'BATCH');
  t.throws(() => bounded().setRuntimeMode('FAST' as RuntimeExecutionMode), { message: "setRuntimeMode: unknown runtime mode 'FAST' (expected STREAMING, BATCH or AUTOMATIC)" });
  t.throws(() => StreamExecutionEnvironment.getExecutionEnvironment({ 'execution.runtime-mode': 'fast' }), { message: "execution.runtime-mode: unknown runtime mode 'fast' (expected STREAMING, BATCH or AUTOMATIC)" });
});
