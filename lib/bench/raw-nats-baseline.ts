// The ceiling for benchmarks (a) and (b): the same records over the same NATS server, moved
// by a hand-written pipeline with nothing of Sluice in it. `parallelism` producer threads
// partition by key into one channel per consumer thread; see raw-nats-worker.ts.
import { Worker } from 'node:worker_threads';
import { CpuClock, type Reading } from './cpu-clock.ts';
import type { BaselineRecords, RawNatsWorkerData, RawNatsWorkerEvent } from './raw-nats-worker.ts';

export const workerEntry = new URL('./raw-nats-worker-bootstrap.js', import.meta.url);
let runs = 0;

export function nextEvent<Event = RawNatsWorkerEvent>(worker: Worker): Promise<Event> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error) => reject(error);
    worker.once('error', onError);
    worker.once('message', (event: Event) => { worker.off('error', onError); resolve(event); });
  });
}

/** Wall and CPU seconds from the start signal until every consumer has every record. */
export async function measureRawNatsBaseline(url: string, clock: CpuClock, shape: BaselineRecords, records: number, parallelism: number): Promise<Reading> {
  const prefix = `bench.raw.${process.pid}.${runs++}`;
  const start = (data: RawNatsWorkerData) => new Worker(workerEntry, { workerData: { module: './raw-nats-worker.ts', ...data } });
  const workers: Worker[] = [];
  try {
    const producers = Array.from({ length: parallelism }, (_, index) => start({ role: 'producer', url, prefix, index, parallelism, records, shape }));
    workers.push(...producers);
    await Promise.all(producers.map(nextEvent));
    const consumers = Array.from({ length: parallelism }, (_, index) => start({ role: 'consumer', url, prefix, index, parallelism }));
    workers.push(...consumers);
    await Promise.all(consumers.map(nextEvent));
    const finished = consumers.map(nextEvent);
    const started = clock.read();
    for (const producer of producers) producer.postMessage('start');
    const done = await Promise.all(finished);
    const reading = CpuClock.between(started, clock.read());
    const received = done.reduce((sum, event) => sum + (event.type === 'done' ? event.received : 0), 0);
    if (received !== records) throw new Error(`raw NATS baseline: ${received} records arrived of ${records}`);
    return reading;
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
}
