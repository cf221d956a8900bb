// The job of the recovery benchmark: an unbounded keyed running sum at parallelism 2 with
// checkpoints every 500 ms, restarted 100 ms after a failure. It runs until cancelled.
//
//   sluice run lib/bench/jobs/recovery-job.ts --cluster nats://…
import { RestartStrategies, StreamExecutionEnvironment } from 'sluice';
import { CountingSource } from './counting-source.ts';
import { DiscardingSink } from './discarding-sink.ts';

const env = StreamExecutionEnvironment.getExecutionEnvironment().setParallelism(2);
env.enableCheckpointing(500);
env.setRestartStrategy(RestartStrategies.fixedDelayRestart(1_000, 100));
env.addSource(new CountingSource(Number.POSITIVE_INFINITY), 'CountingSource')
  .keyBy((n) => n % 1_000)
  .reduce((sum, n) => sum + n).name('Sum')
  .addSink(new DiscardingSink()).name('Discard');

await env.execute('Recovery benchmark');
