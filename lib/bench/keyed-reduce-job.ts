// The job `npm run bench` measures: a parallel source → map to (key, 1) → keyBy → reduce
// summing → a sink that only counts. At parallelism 2 the keyBy edge crosses subtasks over
// NATS, so the job's rate is the rate of the data exchange plus the operators around it.
//
//   sluice run lib/bench/keyed-reduce-job.ts -- --records 2000000
import { RichParallelSourceFunction, RichSinkFunction, StreamExecutionEnvironment, type SourceContext } from 'sluice';

const distinctKeys = 1_000;

function option(name: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`);
  return at === -1 ? undefined : process.argv[at + 1];
}

/** Emits the numbers 0..records-1, each subtask its own share. */
class CountingSource extends RichParallelSourceFunction<number> {
  private running = true;

  constructor(private readonly records: number) {
    super();
  }

  async run(ctx: SourceContext<number>): Promise<void> {
    const context = this.getRuntimeContext();
    const subtasks = context.getNumberOfParallelSubtasks();
    for (let n = context.getIndexOfThisSubtask(); this.running && n < this.records; n += subtasks) {
      // Awaiting only a real promise: an await per record would cost a microtask each.
      const backpressure = ctx.collect(n);
      if (backpressure) await backpressure;
    }
  }

  cancel(): void {
    this.running = false;
  }
}

/** Discards what it receives, keeping only a count. */
class CountingSink extends RichSinkFunction<[string, number]> {
  private received = 0;

  invoke(): void {
    this.received++;
  }
}

const records = Number(option('records') ?? 1_000_000);
if (!Number.isInteger(records) || records < 1) throw new Error(`--records must be a positive integer, got "${option('records')}"`);

const env = StreamExecutionEnvironment.getExecutionEnvironment().setParallelism(2);
env.addSource(new CountingSource(records), 'CountingSource')
  .map((n): [string, number] => [`key-${n % distinctKeys}`, 1]).name('ToKeyAndOne')
  .keyBy((pair) => pair[0])
  .reduce((sum, pair): [string, number] => [sum[0], sum[1] + pair[1]]).name('Sum')
  .addSink(new CountingSink()).name('Discard');

await env.execute('Keyed reduce benchmark');
