// env.fromSource with Flink's FLIP-27 sources: NumberSequenceSource and DataGeneratorSource
// (a GeneratorFunction over the indexes, a RateLimiterStrategy), with or without a watermark
// strategy; a restored reader resumes where its checkpoint says.
import t from 'tap';
import {
  DataGeneratorSource,
  Duration,
  NumberSequenceSource,
  ProcessFunction,
  RateLimiterStrategy,
  StreamExecutionEnvironment,
  Watermark,
  WatermarkStrategy,
  type Source,
} from '../../lib/api/index.ts';
import { OperatorTestHarness } from './helpers/operator-test-harness.ts';
import { collectInto, runInMemory } from './helpers/run-in-memory.ts';

t.test('NumberSequenceSource and DataGeneratorSource through fromSource, the source itself the stream without watermarks', async (t) => {
  const env = StreamExecutionEnvironment.getExecutionEnvironment();
  const numbers = collectInto(env.fromSource(new NumberSequenceSource(1, 5), WatermarkStrategy.noWatermarks(), 'Numbers').uid('numbers'));
  const generated = collectInto(env.fromSource(new DataGeneratorSource((index: number) => `Number: ${index}`, 3), WatermarkStrategy.noWatermarks(), 'Generator'));
  const withObject = collectInto(env.fromSource(new DataGeneratorSource({ map: (index: number) => index * 10 }, 2, RateLimiterStrategy.noOp()), WatermarkStrategy.noWatermarks(), 'Tens'));
  const graph = env.getStreamGraph();
  t.equal(graph.node('numbers').name, 'Numbers', 'without watermarks the stream is the source\'s: uid and name are its own');
  await runInMemory(graph);
  t.same([numbers, generated, withObject], [[1, 2, 3, 4, 5], ['Number: 0', 'Number: 1', 'Number: 2'], [0, 10]]);
  t.throws(() => new NumberSequenceSource(3, 1), /NumberSequenceSource\(3, 1\): 'from' must be <= 'to'/);
  t.throws(() => new DataGeneratorSource((i: number) => i, -1), /the count must be a non-negative safe integer \(got -1\)/);
  t.throws(() => env.fromSource({} as Source<number>, WatermarkStrategy.noWatermarks(), 'Nothing'), /fromSource 'Nothing': not a Source/);
});

t.test('a watermark strategy stamps the records and emits watermarks in the source operator itself, as Flink\'s SourceOperator', async (t) => {
  const env = StreamExecutionEnvironment.getExecutionEnvironment();
  type Event = { index: number; time: number };
  const stamped: Array<[number, number | undefined, number]> = [];
  class Stamps extends ProcessFunction<Event, never> {
    processElement(event: Event, ctx: ProcessFunction.Context): void {
      stamped.push([event.index, ctx.timestamp(), ctx.timerService().currentWatermark()]);
    }
  }
  /** A watermark at each event's timestamp, so that each record sees its predecessor's. */
  const punctuated = WatermarkStrategy.forGenerator<Event>(() => ({
    onEvent: (_event, timestamp, output) => output.emitWatermark(new Watermark(timestamp)),
    onPeriodicEmit: () => undefined,
  })).withTimestampAssigner((event) => event.time);
  env.fromSource(new DataGeneratorSource((index: number) => ({ index, time: 1000 + index * 100 }), 4), punctuated, 'Events')
    .uid('events').setParallelism(1)
    .process(new Stamps()).setParallelism(1);
  const graph = env.getStreamGraph();
  t.same([...graph.nodes.values()].map((node) => [node.id, node.name, node.isSource]), [['events', 'Events', true], ['op-2', 'Process', false]],
    'no operator of its own: uid, name and parallelism are the source\'s');
  await runInMemory(graph);
  t.same(stamped, [[0, 1000, -Infinity], [1, 1100, 1000], [2, 1200, 1100], [3, 1300, 1200]], 'each record stamped by the assigner, after the watermark of the one before');
});

t.test('perSecond paces the generator over all its readers', async (t) => {
  const env = StreamExecutionEnvironment.getExecutionEnvironment();
  const out = collectInto(env.fromSource(new DataGeneratorSource((index: number) => index, 20, RateLimiterStrategy.perSecond(200)), WatermarkStrategy.noWatermarks(), 'Paced'));
  const started = performance.now();
  await runInMemory(env.getStreamGraph());
  t.equal(out.length, 20);
  t.ok(performance.now() - started >= 80, 'twenty records at 200 a second take about 100 ms');
  t.throws(() => RateLimiterStrategy.perSecond(0), /the rate must be a positive number \(got 0\)/);
});

t.test('a restored reader goes on from its checkpointed position', async (t) => {
  const env = StreamExecutionEnvironment.getExecutionEnvironment();
  env.fromSource(new DataGeneratorSource((index: number) => `#${index}`, 6), WatermarkStrategy.noWatermarks(), 'Generator').uid('gen').print();
  const node = env.getStreamGraph().node('gen');
  let snapshot: unknown;
  let first!: OperatorTestHarness<string>;
  // The checkpoint is taken while index 2 is being generated: before it is emitted, so a restore generates it again.
  env.fromSource(new DataGeneratorSource((index: number) => {
    if (index === 2) snapshot = first.snapshot(1).get('op-1');
    return `#${index}`;
  }, 6), WatermarkStrategy.noWatermarks(), 'Snapshotting').uid('snapshotting').print();
  first = await OperatorTestHarness.forOperators<string>([env.getStreamGraph().node('snapshotting').createOperator()]).open();
  await first.runSources();
  t.same(first.output.values, ['#0', '#1', '#2', '#3', '#4', '#5']);
  const restored = await OperatorTestHarness.forOperators<string>([node.createOperator()], { restoredState: new Map([['op-1', snapshot]]) }).open();
  await restored.runSources();
  t.same(restored.output.values, ['#2', '#3', '#4', '#5'], 'the restored reader resumes at the index being generated at the checkpoint');
});
