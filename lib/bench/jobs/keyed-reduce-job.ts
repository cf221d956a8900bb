// Benchmark (a): a parallel source → map to (key, 1) → keyBy → reduce summing → a sink
// that discards. At parallelism 2 the keyBy edge crosses subtasks over NATS, so the job's
// rate is the rate of the data exchange plus the operators around it.
//
//   sluice run lib/bench/jobs/keyed-reduce-job.ts -- --records 2000000
import { RichParallelSourceFunction, StreamExecutionEnvironment, type SourceContext } from 'sluice';
import { positiveIntegerArgument } from './job-arguments.ts';
import { DiscardingSink } from './discarding-sink.ts';

const distinctKeys = 1_000;

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

const records = positiveIntegerArgument('records', 1_000_000);

const env = StreamExecutionEnvironment.getExecutionEnvironment().setParallelism(2);
env.addSource(new CountingSource(records), 'CountingSource')
  .map((n): [string, number] => [`key-${n % distinctKeys}`, 1]).name('ToKeyAndOne')
  .keyBy((pair) => pair[0])
  .reduce((sum, pair): [string, number] => [sum[0], sum[1] + pair[1]]).name('Sum')
  .addSink(new DiscardingSink()).name('Discard');

await env.execute('Keyed reduce benchmark');
