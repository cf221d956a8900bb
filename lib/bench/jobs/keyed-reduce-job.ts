// Benchmark (a): a parallel source → map to (key, 1) → keyBy → reduce summing → a sink
// that discards. At parallelism 2 the keyBy edge crosses subtasks over NATS, so the job's
// rate is the rate of the data exchange plus the operators around it. With
// `--checkpoint-interval ms` it checkpoints its sums (in the JobManager's memory).
//
//   sluice run lib/bench/jobs/keyed-reduce-job.ts -- --records 2000000 [--checkpoint-interval 1000]
import { StreamExecutionEnvironment } from 'sluice';
import { CountingSource } from './counting-source.ts';
import { positiveIntegerArgument } from './job-arguments.ts';
import { DiscardingSink } from './discarding-sink.ts';

const distinctKeys = 1_000;

const records = positiveIntegerArgument('records', 1_000_000);

const env = StreamExecutionEnvironment.getExecutionEnvironment().setParallelism(2);
if (process.argv.includes('--checkpoint-interval')) env.enableCheckpointing(positiveIntegerArgument('checkpoint-interval', 1_000));
env.addSource(new CountingSource(records), 'CountingSource')
  .map((n): [string, number] => [`key-${n % distinctKeys}`, 1]).name('ToKeyAndOne')
  .keyBy((pair) => pair[0])
  .reduce((sum, pair): [string, number] => [sum[0], sum[1] + pair[1]]).name('Sum')
  .addSink(new DiscardingSink()).name('Discard');

await env.execute('Keyed reduce benchmark');
