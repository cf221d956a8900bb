// WordCount, as in Flink's examples: split lines into words, key by word, keep a rolling
// count and print every update ("(to,2)"). The last update of a word is its count.
//
//   sluice run samples/wordcount.ts                       # built-in text, embedded cluster
//   sluice run samples/wordcount.ts -p 4 --input notes.txt --input more.txt --output counts
import { MultipleParameterTool, RichFlatMapFunction, StreamExecutionEnvironment, type Collector, type DataStream } from 'sluice';

/** The opening of Hamlet's soliloquy, as in Flink's WordCountData. */
const text = [
  'To be, or not to be,--that is the question:--',
  'Whether \'tis nobler in the mind to suffer',
  'The slings and arrows of outrageous fortune',
  'Or to take arms against a sea of troubles,',
  'And by opposing end them?--To die,--to sleep,--',
  'No more; and by a sleep to say we end',
  'The heartache, and the thousand natural shocks',
  'That flesh is heir to,--\'tis a consummation',
  'Devoutly to be wish\'d. To die,--to sleep;--',
  'To sleep! perchance to dream:--ay, there\'s the rub;',
];

/** Splits a line into lower-case words, each counted once: ("word", 1). */
export class Tokenizer extends RichFlatMapFunction<string, [string, number]> {
  flatMap(line: string, out: Collector<[string, number]>): void {
    for (const word of line.toLowerCase().split(/\W+/)) {
      if (word.length > 0) out.collect([word, 1]);
    }
  }
}

const params = MultipleParameterTool.fromArgs(process.argv.slice(2));
const env = StreamExecutionEnvironment.getExecutionEnvironment();
// Every function can read the parameters too: getRuntimeContext().getGlobalJobParameters().
env.getConfig().setGlobalJobParameters(params);
/** Every `--input` file's lines, as one stream. */
function readInputs(paths: string[]): DataStream<string> {
  const [first, ...others] = paths.map((path) => env.readTextFile(path));
  return others.length > 0 ? first!.union(...others) : first!;
}
const lines = params.has('input') ? readInputs(params.getMultiParameterRequired('input')) : env.fromElements(...text);

const counts = lines
  .flatMap(new Tokenizer()).name('Tokenizer')
  .keyBy((pair) => pair[0])
  .sum(1).name('Count');

if (params.has('output')) counts.writeAsText(params.getRequired('output'));
else counts.print();

await env.execute('WordCount');
