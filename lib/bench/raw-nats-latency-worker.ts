// One thread of benchmark (c)'s raw NATS baseline. The `ends` thread emits paced, stamped
// records on `<prefix>.out` and measures them coming back on `<prefix>.back`; the `relay`
// thread decodes each and sends it on. Two trips through nats-server, a msgpackr encode
// and decode on each, one record per message: the shape of the job's two exchanges when
// its middle subtask runs in another thread, with nothing of Sluice in it.
import { pack, unpack } from 'msgpackr';
import { connect } from 'nats';
import { parentPort, workerData } from 'node:worker_threads';
import { emitPaced, LatencyRecorder, type LatencyReport, type Stamped } from './latency-report.ts';

export type RawNatsLatencyWorkerData =
  | { role: 'relay'; url: string; prefix: string }
  | { role: 'ends'; url: string; prefix: string; rate: number; seconds: number };

/** Worker → driver: the relay is ready once subscribed; the ends report when the last record is back. */
export type RawNatsLatencyWorkerEvent = { type: 'ready' } | { type: 'done'; report: LatencyReport };

const spec = workerData as RawNatsLatencyWorkerData;
const nc = await connect({ servers: spec.url });
try {
  if (spec.role === 'relay') {
    nc.subscribe(`${spec.prefix}.out`, { callback: (_, msg) => nc.publish(`${spec.prefix}.back`, pack(unpack(msg.data))) });
    await nc.flush();
    parentPort!.postMessage({ type: 'ready' } satisfies RawNatsLatencyWorkerEvent);
    await new Promise((resolve) => parentPort!.once('message', resolve));
  } else {
    const { rate, seconds } = spec;
    // The first second warms up, as in the job.
    const recorder = new LatencyRecorder(rate);
    const last = rate * seconds - 1;
    const allBack = new Promise<void>((resolve) => {
      nc.subscribe(`${spec.prefix}.back`, {
        callback: (_, msg) => {
          const record = unpack(msg.data) as Stamped;
          recorder.record(record);
          if (record.seq === last) resolve();
        },
      });
    });
    await nc.flush();
    await emitPaced(rate, seconds, (record) => nc.publish(`${spec.prefix}.out`, pack(record)));
    await allBack;
    parentPort!.postMessage({ type: 'done', report: recorder.report() } satisfies RawNatsLatencyWorkerEvent);
  }
} finally {
  await nc.close();
}
