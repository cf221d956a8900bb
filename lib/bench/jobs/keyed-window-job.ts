// Benchmark (d): benchmark (a)'s (key, 1) pairs in event time, counted per key in tumbling
// windows: a parallel source → map to (key, 1), stamped 10 records per ms of event time with
// ascending watermarks → keyBy → 1 s tumbling event-time windows, counted incrementally by
// an AggregateFunction → a sink that discards. 1,000 keys, so each window fires 1,000 counts.
//
//   sluice run lib/bench/jobs/keyed-window-job.ts -- --records 2000000 --parallelism 2
import { StreamExecutionEnvironment, Time, TumblingEventTimeWindows, WatermarkStrategy, type AggregateFunction } from 'sluice';
import { CountingSource } from './counting-source.ts';
import { DiscardingSink } from './discarding-sink.ts';
import { positiveIntegerArgument } from './job-arguments.ts';

const distinctKeys = 1_000;
const recordsPerMillisecond = 10;

type Pair = [key: string, n: number];

const count: AggregateFunction<Pair, number, number> = {
  createAccumulator: () => 0,
  add: (_pair, accumulator) => accumulator + 1,
  getResult: (accumulator) => accumulator,
  merge: (a, b) => a + b,
};

const records = positiveIntegerArgument('records', 1_000_000);
const env = StreamExecutionEnvironment.getExecutionEnvironment().setParallelism(positiveIntegerArgument('parallelism', 2));
env.addSource(new CountingSource(records), 'CountingSource')
  .map((n): Pair => [`key-${n % distinctKeys}`, n]).name('ToKeyAndNumber')
  .assignTimestampsAndWatermarks(WatermarkStrategy.forMonotonousTimestamps<Pair>().withTimestampAssigner((pair) => Math.floor(pair[1] / recordsPerMillisecond)))
  .keyBy((pair) => pair[0])
  .window(TumblingEventTimeWindows.of(Time.seconds(1)))
  .aggregate(count).name('CountPerWindow')
  .addSink(new DiscardingSink()).name('Discard');

await env.execute('Keyed tumbling window benchmark');
