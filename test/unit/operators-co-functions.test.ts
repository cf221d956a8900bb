import t from 'tap';
import { RichCoFlatMapFunction, StreamExecutionEnvironment, StreamingRuntimeContext, type Collector } from '../../lib/api/index.ts';
import type { OperatorContext, TwoInputStreamOperator } from '../../lib/operators/stream-operator.ts';
import { StreamRecord } from '../../lib/operators/stream-record.ts';
import { MailboxProcessor } from '../../lib/runtime/mailbox-processor.ts';
import { SystemProcessingTimeService } from '../../lib/time/system-processing-time-service.ts';
import { CollectingOutput } from './helpers/collecting-output.ts';
import { collectInto, runInMemory } from './helpers/run-in-memory.ts';

const context: OperatorContext = {
  operatorName: 'Co-Flat Map',
  jobCwd: process.cwd(),
  processingTimeService: new SystemProcessingTimeService(() => undefined),
  autoWatermarkInterval: 200,
  runtimeMode: 'STREAMING',
  runtimeContext: new StreamingRuntimeContext({ jobId: 'j', taskName: 'Co-Flat Map', subtaskIndex: 1, parallelism: 2, maxParallelism: 128, attemptNumber: 0 }),
  mailboxExecutor: new MailboxProcessor((controller) => controller.allActionsCompleted()),
  sendToClient: () => { throw new Error('nothing here sends to the client'); },
};

/** The operator the graph holds for `id`, initialized and opened on a CollectingOutput, as a task does. */
async function openedOperator<OUT>(env: StreamExecutionEnvironment, id: string) {
  const operator = env.getStreamGraph().node(id).createOperator() as TwoInputStreamOperator<unknown, unknown, OUT>;
  const out = new CollectingOutput<OUT>();
  await operator.initializeState(context);
  await operator.open(context, out);
  return { operator, out };
}

t.test('CoMap and CoFlatMap give each record to the function of its input', async (t) => {
  const env = StreamExecutionEnvironment.getExecutionEnvironment();
  const numbers = env.fromElements(1, 2);
  const lines = env.fromElements('to be', 'or');
  const mapped = collectInto(numbers.connect(lines).map({ map1: (n) => `n${n}`, map2: (line) => `l${line}` }));
  const flattened = collectInto(numbers.connect(lines).flatMap<number>({
    flatMap1: (n, out) => { out.collect(n); out.collect(-n); },
    flatMap2: (line, out) => { for (const word of line.split(' ')) out.collect(word.length * 10); },
  }));
  await runInMemory(env.getStreamGraph());
  t.same(mapped.sort(), ['lor', 'lto be', 'n1', 'n2']);
  t.same(flattened.sort((x, y) => x - y), [-2, -1, 1, 2, 20, 20, 20]);
});

t.test('a stream connected or unioned with itself reaches the consumer over both edges', async (t) => {
  const env = StreamExecutionEnvironment.getExecutionEnvironment();
  const numbers = env.fromElements(1, 2);
  const connected = collectInto(numbers.connect(numbers).map({ map1: (n) => `1:${n}`, map2: (n) => `2:${n}` }));
  const unioned = collectInto(numbers.union(numbers));
  await runInMemory(env.getStreamGraph());
  t.same(connected.sort(), ['1:1', '1:2', '2:1', '2:2']);
  t.same(unioned.sort(), [1, 1, 2, 2]);
});

t.test('what a co-function emits keeps the timestamp of the record it processes', async (t) => {
  const env = StreamExecutionEnvironment.getExecutionEnvironment();
  const connected = env.fromElements(1).connect(env.fromElements('a'));
  connected.map({ map1: (n) => `n${n}`, map2: (s) => `s${s}` }).uid('co-map');
  connected.flatMap({ flatMap1: (n, out) => out.collect(`n${n}`), flatMap2: (s, out) => out.collect(`s${s}`) }).uid('co-flat-map');
  for (const id of ['co-map', 'co-flat-map']) {
    const { operator, out } = await openedOperator<string>(env, id);
    operator.processElement1(new StreamRecord(1, 10));
    operator.processElement2(new StreamRecord('a'));
    operator.processElement2(new StreamRecord('b', 30));
    t.same(out.emitted, [{ record: 'n1', timestamp: 10 }, { record: 'sa' }, { record: 'sb', timestamp: 30 }], id);
  }
});

t.test('a two-input operator forwards the minimum of its inputs\' watermarks', async (t) => {
  const env = StreamExecutionEnvironment.getExecutionEnvironment();
  env.fromElements(1).connect(env.fromElements(2)).map({ map1: (n) => n, map2: (n) => n }).uid('co-map');
  const { operator, out } = await openedOperator<number>(env, 'co-map');
  operator.processWatermark1(50);
  operator.processWatermark2(20);
  operator.processWatermark2(70);
  operator.processWatermark1(60);
  t.same(out.watermarks, [20, 50, 60]);
});

t.test('a RichCoFlatMapFunction is opened with its runtime context and closed', async (t) => {
  const events: string[] = [];
  class Tagger extends RichCoFlatMapFunction<number, string, string> {
    private tag = '';
    open() {
      const runtime = this.getRuntimeContext();
      this.tag = `${runtime.getTaskName()} ${runtime.getIndexOfThisSubtask()}`;
      events.push(`open ${this.tag}`);
    }
    flatMap1(value: number, out: Collector<string>) {
      out.collect(`${this.tag}: ${value}`);
    }
    flatMap2(value: string, out: Collector<string>) {
      out.collect(`${this.tag}: ${value}`);
    }
    close() {
      events.push('close');
    }
  }
  const env = StreamExecutionEnvironment.getExecutionEnvironment();
  env.fromElements(1).connect(env.fromElements('x')).flatMap(new Tagger()).uid('tagger');
  const { operator, out } = await openedOperator<string>(env, 'tagger');
  operator.processElement1(new StreamRecord(7));
  operator.processElement2(new StreamRecord('y'));
  await operator.close();
  t.same(out.values, ['Co-Flat Map 1: 7', 'Co-Flat Map 1: y']);
  t.same(events, ['open Co-Flat Map 1', 'close']);
});
