// The ceiling for the data exchange: records in msgpackr batches from one NATS publisher
// to one subscriber, with nothing of Sluice in between but a simple ack-based window.
import { Packr } from 'msgpackr';
import { connect } from 'nats';

const batchSize = 1_000;
/** The subscriber acks every `ackEvery` batches; the publisher keeps at most `window` batches unacked. */
const ackEvery = 8;
const window = 32;

export async function measureRawNatsBaseline(url: string, records: number): Promise<{ recordsPerSecond: number }> {
  const publisherNc = await connect({ servers: url });
  const subscriberNc = await connect({ servers: url });
  const dataSubject = `bench.raw.${process.pid}.data`;
  const ackSubject = `bench.raw.${process.pid}.ack`;
  const packr = new Packr({ useRecords: false });
  const batchCount = Math.ceil(records / batchSize);
  try {
    let received = 0;
    let batchesReceived = 0;
    const allReceived = new Promise<number>((resolve) => {
      subscriberNc.subscribe(dataSubject, {
        callback: (_, msg) => {
          received += (packr.unpack(msg.data) as unknown[]).length;
          if (++batchesReceived % ackEvery === 0 || batchesReceived === batchCount) subscriberNc.publish(ackSubject);
          if (received === records) resolve(performance.now());
        },
      });
    });
    let acked = 0;
    let wakePublisher: (() => void) | undefined;
    publisherNc.subscribe(ackSubject, {
      callback: () => { acked = Math.min(acked + ackEvery, batchCount); wakePublisher?.(); },
    });
    await Promise.all([publisherNc.flush(), subscriberNc.flush()]);

    const started = performance.now();
    for (let batch = 0; batch < batchCount; batch++) {
      while (batch - acked >= window) await new Promise<void>((resolve) => { wakePublisher = resolve; });
      const length = Math.min(batchSize, records - batch * batchSize);
      const recordsOfBatch = new Array(length);
      for (let i = 0; i < length; i++) recordsOfBatch[i] = ['word', 1];
      publisherNc.publish(dataSubject, packr.pack(recordsOfBatch));
    }
    const finished = await allReceived;
    return { recordsPerSecond: records / ((finished - started) / 1000) };
  } finally {
    await Promise.all([publisherNc.close(), subscriberNc.close()]);
  }
}
