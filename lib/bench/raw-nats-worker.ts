// One thread of the hand-written baseline pipeline: a producer that partitions records by
// key, with the key groups keyBy uses, into one channel per consumer; or a consumer that
// decodes and counts. Batches of 1,000 in msgpackr with record structures, and credit per
// channel as Sluice grants it: 16 batches at first, then one back for each batch handled.
import { Packr, Unpackr } from 'msgpackr';
import { connect, type NatsConnection } from 'nats';
import { parentPort, workerData } from 'node:worker_threads';
import { assignToKeyGroup, computeOperatorIndexForKeyGroup } from '../exchange/key-groups.ts';
import { bidPool } from './bid-pool.ts';

/** What travels: the Bid pool keyed by auction, or benchmark (a)'s (key, 1) pairs keyed by key. */
export type BaselineRecords = 'bids' | 'pairs';

export type RawNatsWorkerData =
  | { role: 'producer'; url: string; prefix: string; index: number; parallelism: number; records: number; shape: BaselineRecords }
  | { role: 'consumer'; url: string; prefix: string; index: number; parallelism: number };

/** Worker → driver: ready once subscribed; a consumer is done when every producer ended. */
export type RawNatsWorkerEvent = { type: 'ready' } | { type: 'done'; received: number };

const batchSize = 1_000;
const initialCredit = 16;
const end = new Uint8Array(0);
/** A credit grant is its count in ASCII digits. */
const decoder = new TextDecoder();
const encoder = new TextEncoder();

const dataSubject = (prefix: string, producer: number, consumer: number) => `${prefix}.data.${producer}.${consumer}`;
const creditSubject = (prefix: string, producer: number, consumer: number) => `${prefix}.credit.${producer}.${consumer}`;

async function produce(nc: NatsConnection, spec: Extract<RawNatsWorkerData, { role: 'producer' }>): Promise<void> {
  const { prefix, index, parallelism, records } = spec;
  const bids = bidPool();
  const recordAt = spec.shape === 'bids'
    ? (n: number) => bids[n % bids.length]!
    : (n: number): [string, number] => [`key-${n % 1000}`, 1];
  const keyOf = spec.shape === 'bids' ? (record: unknown) => (record as { auction: number }).auction : (record: unknown) => (record as [string])[0];
  const packr = new Packr();
  const credit = new Array<number>(parallelism).fill(0);
  let wake: (() => void) | undefined;
  for (let consumer = 0; consumer < parallelism; consumer++) {
    nc.subscribe(creditSubject(prefix, index, consumer), {
      callback: (_, msg) => { credit[consumer] += Number(decoder.decode(msg.data)); wake?.(); },
    });
  }
  await nc.flush();
  parentPort!.postMessage({ type: 'ready' } satisfies RawNatsWorkerEvent);
  await new Promise((resolve) => parentPort!.once('message', resolve));

  const buffers: unknown[][] = Array.from({ length: parallelism }, () => []);
  const send = async (consumer: number, payload: Uint8Array) => {
    while (credit[consumer]! === 0) await new Promise<void>((resolve) => { wake = resolve; });
    credit[consumer]!--;
    nc.publish(dataSubject(prefix, index, consumer), payload);
  };
  for (let n = index; n < records; n += parallelism) {
    const record = recordAt(n);
    const consumer = computeOperatorIndexForKeyGroup(128, parallelism, assignToKeyGroup(keyOf(record), 128));
    const buffer = buffers[consumer]!;
    if (buffer.push(record) === batchSize) {
      buffers[consumer] = [];
      await send(consumer, packr.pack(buffer));
    }
  }
  for (let consumer = 0; consumer < parallelism; consumer++) {
    if (buffers[consumer]!.length > 0) await send(consumer, packr.pack(buffers[consumer]));
    await send(consumer, end);
  }
  await nc.flush();
}

async function consume(nc: NatsConnection, spec: Extract<RawNatsWorkerData, { role: 'consumer' }>): Promise<void> {
  const { prefix, index, parallelism } = spec;
  const unpackr = new Unpackr();
  const one = encoder.encode('1');
  let received = 0;
  let ended = 0;
  const done = new Promise<void>((resolve) => {
    for (let producer = 0; producer < parallelism; producer++) {
      const grant = creditSubject(prefix, producer, index);
      nc.subscribe(dataSubject(prefix, producer, index), {
        callback: (_, msg) => {
          if (msg.data.length === 0) {
            if (++ended === parallelism) resolve();
            return;
          }
          received += (unpackr.unpack(msg.data) as unknown[]).length;
          nc.publish(grant, one);
        },
      });
    }
  });
  await nc.flush();
  for (let producer = 0; producer < parallelism; producer++) {
    nc.publish(creditSubject(prefix, producer, index), encoder.encode(String(initialCredit)));
  }
  await nc.flush();
  parentPort!.postMessage({ type: 'ready' } satisfies RawNatsWorkerEvent);
  await done;
  parentPort!.postMessage({ type: 'done', received } satisfies RawNatsWorkerEvent);
}

const spec = workerData as RawNatsWorkerData;
const nc = await connect({ servers: spec.url });
try {
  await (spec.role === 'producer' ? produce(nc, spec) : consume(nc, spec));
} finally {
  await nc.close();
}
