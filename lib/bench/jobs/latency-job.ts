// Benchmark (c): end-to-end latency through two exchanges at a steady, light rate, with the
// default settings. The source stamps each record with the wall clock when it emits it;
// the sink, in another subtask, subtracts.
//
//   source --keyBy--> map --rebalance--> sink, each at parallelism 1
//   sluice run lib/bench/jobs/latency-job.ts -- --rate 1000 --seconds 10 --out /tmp/latency.json [--across-threads]
//
// By default all three share a slot, so both exchanges stay inside its worker thread. With
// --across-threads the map is in a slot sharing group of its own: both exchanges go through
// nats-server to another thread and back, as the raw NATS baseline's records do.
import { writeFileSync } from 'node:fs';
import { RichSinkFunction, RichSourceFunction, StreamExecutionEnvironment, type SourceContext } from 'sluice';
import { emitPaced, LatencyRecorder, type Stamped } from '../latency-report.ts';
import { positiveIntegerArgument, stringArgument } from './job-arguments.ts';

class PacedSource extends RichSourceFunction<Stamped> {
  private running = true;

  constructor(private readonly rate: number, private readonly seconds: number) {
    super();
  }

  async run(ctx: SourceContext<Stamped>): Promise<void> {
    await emitPaced(this.rate, this.seconds, (record) => ctx.collect(record), () => this.running);
  }

  cancel(): void {
    this.running = false;
  }
}

/** Collects each record's latency and writes the percentiles to `out` when the job ends. */
class LatencySink extends RichSinkFunction<Stamped> {
  private readonly recorder: LatencyRecorder;

  constructor(private readonly out: string, warmUpRecords: number) {
    super();
    this.recorder = new LatencyRecorder(warmUpRecords);
  }

  invoke(record: Stamped): void {
    this.recorder.record(record);
  }

  close(): void {
    writeFileSync(this.out, JSON.stringify(this.recorder.report()));
  }
}

const rate = positiveIntegerArgument('rate', 1_000);
const acrossThreads = process.argv.includes('--across-threads');
const env = StreamExecutionEnvironment.getExecutionEnvironment().setParallelism(1);
const passed = env.addSource(new PacedSource(rate, positiveIntegerArgument('seconds', 10)), 'PacedSource')
  .keyBy((record) => record.seq % 16)
  .map((record) => record).name('Pass');
if (acrossThreads) passed.slotSharingGroup('pass');
passed
  .rebalance()
  // The first second warms the JIT and the connections up; it is not measured.
  .addSink(new LatencySink(stringArgument('out', 'latency.json'), rate)).name('LatencySink').slotSharingGroup('default');

await env.execute('Latency benchmark');
