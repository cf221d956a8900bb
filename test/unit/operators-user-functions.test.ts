import t from 'tap';
import {
  RichFilterFunction,
  RichFlatMapFunction,
  RichMapFunction,
  RichSinkFunction,
  RichSourceFunction,
  StreamExecutionEnvironment,
  type Collector,
  type FlatMapFunction,
  type SourceContext,
} from '../../lib/api/index.ts';
import { OperatorTestHarness } from './helpers/operator-test-harness.ts';
import { collectInto, runInMemory } from './helpers/run-in-memory.ts';

t.test('map, flatMap and filter take lambdas and function objects alike', async (t) => {
  const env = StreamExecutionEnvironment.getExecutionEnvironment();
  const splitter: FlatMapFunction<string, string> = {
    flatMap(line, out) {
      for (const word of line.split(' ')) out.collect(word);
    },
  };
  class Shout extends RichMapFunction<string, string> {
    map(word: string) {
      return word.toUpperCase();
    }
  }
  class Short extends RichFilterFunction<string> {
    filter(word: string) {
      return word.length <= 2;
    }
  }
  const lines = env.fromElements('to be or', 'not to be');
  const byObjects = collectInto(lines.flatMap(splitter).map(new Shout()).filter(new Short()));
  const byLambdas = collectInto(lines.flatMap((line: string, out: Collector<string>) => line.split(' ').forEach((w) => out.collect(w))).map((w) => w.toUpperCase()).filter((w) => w.length <= 2));
  await runInMemory(env.getStreamGraph());
  t.same(byObjects, ['TO', 'BE', 'OR', 'TO', 'BE']);
  t.same(byLambdas, byObjects);
});

t.test('rich functions are opened with their runtime context and closed after the last record', async (t) => {
  const events: string[] = [];
  class Tagger extends RichFlatMapFunction<number, string> {
    private prefix = '';
    open() {
      const ctx = this.getRuntimeContext();
      this.prefix = `${ctx.getTaskName()}#${ctx.getIndexOfThisSubtask()}/${ctx.getNumberOfParallelSubtasks()}`;
      events.push(`open ${this.prefix}`);
    }
    flatMap(value: number, out: Collector<string>) {
      out.collect(`${this.prefix}:${value}`);
    }
    close() {
      events.push('close');
    }
  }
  class Recorder extends RichSinkFunction<string> {
    invoke(value: string) {
      events.push(value);
    }
    finish() {
      events.push('finish sink');
    }
  }
  const env = StreamExecutionEnvironment.getExecutionEnvironment();
  env.fromElements(1, 2).flatMap(new Tagger()).name('tagger').addSink(new Recorder());
  await runInMemory(env.getStreamGraph());
  t.same(events, ['open tagger#0/1', 'tagger#0/1:1', 'tagger#0/1:2', 'finish sink', 'close']);
  t.throws(() => new Tagger().getRuntimeContext(), /The runtime context has not been initialized/);
});

t.test('each operator instance gets its own function object: the declared one first, then copies', async (t) => {
  class Counter extends RichMapFunction<string, string> {
    private seen = 0;
    map(value: string) {
      this.seen += 1;
      return `${value}@${this.getRuntimeContext().getIndexOfThisSubtask()}:${this.seen}`;
    }
  }
  const counter = new Counter();
  const env = StreamExecutionEnvironment.getExecutionEnvironment().setParallelism(2);
  env.fromElements('x').map(counter).uid('counter');
  const node = env.getStreamGraph().node('counter');
  const [first, second] = await Promise.all([0, 1].map((subtaskIndex) =>
    OperatorTestHarness.forOperators<string>([node.createOperator()], { subtaskIndex, parallelism: 2 }).open()));
  first!.processElement('a');
  second!.processElement('b');
  first!.processElement('c');
  t.same([first!.output.values, second!.output.values], [['a@0:1', 'c@0:2'], ['b@1:1']]);
  t.equal(counter.getRuntimeContext().getIndexOfThisSubtask(), 0, 'the first instance is the declared object');
  // A new attempt in the same worker: a copy of the function as declared, not of one that ran.
  const restarted = await OperatorTestHarness.forOperators<string>([node.createOperator()], { subtaskIndex: 0, parallelism: 2 }).open();
  restarted.processElement('d');
  t.same(restarted.output.values, ['d@0:1'], 'a later instance starts from the declared fields');
});

t.test('a source restarted in the same worker runs again: it does not inherit the cancelled attempt\'s fields', async (t) => {
  class Numbers extends RichSourceFunction<number> {
    private running = true;
    async run(ctx: SourceContext<number>) {
      for (let n = 0; n < 3 && this.running; n++) await ctx.collect(n);
    }
    cancel() {
      this.running = false;
    }
  }
  const env = StreamExecutionEnvironment.getExecutionEnvironment();
  env.addSource(new Numbers()).uid('numbers').print();
  const node = env.getStreamGraph().node('numbers');
  const failed = await OperatorTestHarness.forOperators<number>([node.createOperator()]).open();
  const stopped = failed.runSources((sources) => sources.forEach((source) => source.cancel()));
  await stopped;
  const restarted = await OperatorTestHarness.forOperators<number>([node.createOperator()]).open();
  await restarted.runSources();
  t.same(restarted.output.values, [0, 1, 2]);
});

t.test('a function class with ES private fields works as the single instance a worker runs', async (t) => {
  class Deduplicate extends RichFilterFunction<string> {
    #seen = new Set<string>();
    filter(value: string) {
      if (this.#seen.has(value)) return false;
      this.#seen.add(value);
      return true;
    }
  }
  const env = StreamExecutionEnvironment.getExecutionEnvironment();
  const out = collectInto(env.fromElements('a', 'b', 'a').filter(new Deduplicate()));
  await runInMemory(env.getStreamGraph());
  t.same(out, ['a', 'b']);
});

t.test('a user source awaits collect, and cancel() stops it', async (t) => {
  class Ticker extends RichSourceFunction<number> {
    private running = true;
    private release?: () => void;
    async run(ctx: SourceContext<number>) {
      for (let n = 0; this.running; n++) {
        await ctx.collect(n);
        if (n === 2 && this.running) await new Promise<void>((resolve) => (this.release = resolve));
      }
    }
    cancel() {
      this.running = false;
      this.release?.();
    }
  }
  const env = StreamExecutionEnvironment.getExecutionEnvironment();
  const ticks: number[] = [];
  let sawTwo!: () => void;
  const twoArrived = new Promise<void>((resolve) => (sawTwo = resolve));
  env.addSource(new Ticker(), 'ticker').addSink((n) => {
    ticks.push(n);
    if (n === 2) sawTwo();
  });
  await runInMemory(env.getStreamGraph(), {
    onSourcesStarted: (sources) => void twoArrived.then(() => sources.forEach((source) => source.cancel())),
  });
  t.same(ticks, [0, 1, 2]);
});
