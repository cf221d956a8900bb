// The WordCount job as a user writes it, imported from 'sluice', run end to end in memory.
import t from 'tap';
import { RichFlatMapFunction, StreamExecutionEnvironment, Time, type Collector } from 'sluice';
import { captureJobGraphs } from './helpers/capture-job-context.ts';
import { collectInto, runInMemory } from './helpers/run-in-memory.ts';

class Tokenizer extends RichFlatMapFunction<string, [string, number]> {
  flatMap(line: string, out: Collector<[string, number]>) {
    for (const word of line.toLowerCase().split(/\W+/)) if (word) out.collect([word, 1]);
  }
}

t.test('word count emits rolling counts per word', async (t) => {
  const graphs = captureJobGraphs();
  const env = StreamExecutionEnvironment.getExecutionEnvironment();
  env.setParallelism(4);
  const counts = collectInto(
    env.fromElements('to be or not to be', 'that is the question').flatMap(new Tokenizer()).name('tokenizer').keyBy((value) => value[0]).sum(1),
  );
  await env.execute('WordCount');
  await runInMemory(graphs[0]);
  const finalCounts = Object.fromEntries(counts);
  t.same(finalCounts, { to: 2, be: 2, or: 1, not: 1, that: 1, is: 1, the: 1, question: 1 });
  t.same(counts.slice(0, 5), [['to', 1], ['be', 1], ['or', 1], ['not', 1], ['to', 2]]);
});

t.test('Time converts to milliseconds', async (t) => {
  t.equal(Time.seconds(5).toMilliseconds(), 5000);
  t.equal(Time.milliseconds(7).toMilliseconds(), 7);
  t.equal(Time.minutes(2).toMilliseconds(), 120_000);
});
