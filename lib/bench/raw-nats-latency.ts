// Benchmark (c)'s baseline: records at the job's rate through two trips over the same
// NATS server, by hand (see raw-nats-latency-worker.ts).
import { Worker } from 'node:worker_threads';
import type { LatencyReport } from './latency-report.ts';
import { nextEvent, workerEntry } from './raw-nats-baseline.ts';
import type { RawNatsLatencyWorkerData, RawNatsLatencyWorkerEvent } from './raw-nats-latency-worker.ts';

let runs = 0;

export async function measureRawNatsLatency(url: string, rate: number, seconds: number): Promise<LatencyReport> {
  const prefix = `bench.latency.${process.pid}.${runs++}`;
  const start = (data: RawNatsLatencyWorkerData) => new Worker(workerEntry, { workerData: { module: './raw-nats-latency-worker.ts', ...data } });
  const relay = start({ role: 'relay', url, prefix });
  const workers = [relay];
  try {
    await nextEvent<RawNatsLatencyWorkerEvent>(relay);
    const ends = start({ role: 'ends', url, prefix, rate, seconds });
    workers.push(ends);
    const event = await nextEvent<RawNatsLatencyWorkerEvent>(ends);
    if (event.type !== 'done') throw new Error(`raw NATS latency baseline: unexpected ${event.type} from its emitting thread`);
    return event.report;
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
}
