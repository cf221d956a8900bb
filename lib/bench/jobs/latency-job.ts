// Benchmark (c): end-to-end latency through two exchanges at a steady, light rate, with the
// default settings. The source stamps each record with the wall clock when it emits it;
// the sink, in another subtask (and on a cluster another thread or process), subtracts.
// Both read `performance.timeOrigin + performance.now()`: the wall clock with sub-ms
// resolution, comparable across threads, where `Date.now()` has whole milliseconds only.
//
//   source --keyBy--> map --rebalance--> sink, each at parallelism 1
//   sluice run lib/bench/jobs/latency-job.ts -- --rate 1000 --seconds 10 --out /tmp/latency.json
import { writeFileSync } from 'node:fs';
import { RichSinkFunction, RichSourceFunction, StreamExecutionEnvironment, type SourceContext } from 'sluice';
import { positiveIntegerArgument, stringArgument } from './job-arguments.ts';

interface Stamped {
  seq: number;
  /** Wall clock in ms, sub-ms resolution. */
  emittedAt: number;
}

export interface LatencyReport {
  samples: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
}

const now = (): number => performance.timeOrigin + performance.now();

/** Emits `rate` records per second for `seconds`, on schedule: a late tick catches up. */
class PacedSource extends RichSourceFunction<Stamped> {
  private running = true;

  constructor(private readonly rate: number, private readonly seconds: number) {
    super();
  }

  async run(ctx: SourceContext<Stamped>): Promise<void> {
    const total = this.rate * this.seconds;
    const start = now();
    for (let seq = 0; this.running && seq < total;) {
      const dueAt = start + (seq * 1000) / this.rate;
      const wait = dueAt - now();
      if (wait > 0) {
        await new Promise((resolve) => setTimeout(resolve, wait));
        continue;
      }
      const backpressure = ctx.collect({ seq: seq++, emittedAt: now() });
      if (backpressure) await backpressure;
    }
  }

  cancel(): void {
    this.running = false;
  }
}

/** Collects each record's latency and writes the percentiles to `out` when the job ends. */
class LatencySink extends RichSinkFunction<Stamped> {
  private readonly latencies: number[] = [];

  constructor(private readonly out: string, private readonly warmUpRecords: number) {
    super();
  }

  invoke(record: Stamped): void {
    if (record.seq >= this.warmUpRecords) this.latencies.push(now() - record.emittedAt);
  }

  close(): void {
    const sorted = Float64Array.from(this.latencies).sort();
    const at = (quantile: number) => sorted[Math.min(sorted.length - 1, Math.floor(quantile * sorted.length))] ?? NaN;
    const report: LatencyReport = { samples: sorted.length, p50Ms: at(0.5), p99Ms: at(0.99), maxMs: at(1) };
    writeFileSync(this.out, JSON.stringify(report));
  }
}

const rate = positiveIntegerArgument('rate', 1_000);
const env = StreamExecutionEnvironment.getExecutionEnvironment().setParallelism(1);
env.addSource(new PacedSource(rate, positiveIntegerArgument('seconds', 10)), 'PacedSource')
  .keyBy((record) => record.seq % 16)
  .map((record) => record).name('Pass')
  .rebalance()
  // The first second warms the JIT and the connections up; it is not measured.
  .addSink(new LatencySink(stringArgument('out', 'latency.json'), rate)).name('LatencySink');

await env.execute('Latency benchmark');
