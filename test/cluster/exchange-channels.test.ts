import t from 'tap';
import { connect, type NatsConnection } from 'nats';
import { startNatsServer } from '../../lib/nats/nats-server.ts';
import { encodeBatch, encodeCreditGrant, RecordEncodeError, type ChannelMessage } from '../../lib/exchange/codec.ts';
import { InputGate, type ChannelInput, type InputEdge } from '../../lib/exchange/input-gate.ts';
import { assignToKeyGroup, computeOperatorIndexForKeyGroup } from '../../lib/exchange/key-groups.ts';
import { RecordWriter, type RecordWriterOptions } from '../../lib/exchange/record-writer.ts';
import { creditSubject, dataSubject } from '../../lib/exchange/subjects.ts';
import { ChannelTransport } from '../../lib/exchange/channel-transport.ts';

const server = await startNatsServer();
const producerNc = await connect({ servers: server.url });
const consumerNc = await connect({ servers: server.url });
const producerTransport = new ChannelTransport(producerNc);
const consumerTransport = new ChannelTransport(consumerNc);
t.teardown(async () => {
  await producerNc.close();
  await consumerNc.close();
  await server.stop();
});

let jobCount = 0;
/** A channel end: subtask `subtaskIndex` at attempt `attemptNumber`. */
const end = (subtaskIndex: number, attemptNumber = 0) => ({ subtaskIndex, attemptNumber });
const failOnError = (error: Error) => t.fail(`unexpected exchange error: ${error.message}`);

function writer(options: Partial<RecordWriterOptions> & { jobId: string }): RecordWriter {
  return new RecordWriter({
    transport: producerTransport, namespace: 'test', edgeId: 'e0', producerIndex: 0, producerCount: 1, producerAttempt: 0, consumerAttempts: [0], partitioner: 'forward',
    maxParallelism: 128, bufferTimeoutMs: 5, description: 'edge Map -> Sink: Print, subtask 0', onError: failOnError, ...options,
  });
}

/** A gate and a consumer that takes its messages as a task does, recording what it took, in order. */
function gate(jobId: string, consumerIndex: number, inputs: InputEdge[], options: { consumerAttempt?: number; onError?: (e: Error) => void; handler?: (input: ChannelInput, message: ChannelMessage) => void | Promise<void> } = {}) {
  const seen: Array<{ input: ChannelInput; message: ChannelMessage }> = [];
  const inputGate = new InputGate({ transport: consumerTransport, namespace: 'test', jobId, consumerIndex, consumerAttempt: options.consumerAttempt ?? 0, inputs, onError: options.onError ?? failOnError });
  const consume = async (): Promise<void> => {
    for (;;) {
      const next = inputGate.pollNext();
      if (next) {
        const input = inputGate.channels[next.channel]!;
        seen.push({ input, message: next.message });
        const pending = options.handler?.(input, next.message);
        if (pending) await pending;
      } else if (inputGate.isFinished) {
        return;
      } else {
        await inputGate.whenAvailable();
      }
    }
  };
  const finished = consume();
  const records = () => seen.flatMap(({ message }) => message.records ?? []);
  return { inputGate, seen, records, finished };
}

/** Emits like a source does: waits whenever the writer is backpressured. */
async function emitAll(recordWriter: RecordWriter, records: unknown[]): Promise<void> {
  for (const record of records) {
    recordWriter.emit(record);
    if (recordWriter.isBackpressured) await recordWriter.whenWritable();
  }
}

t.test('records and events arrive complete and in order over one channel', async (t) => {
  const jobId = `j${jobCount++}`;
  const consumer = gate(jobId, 0, [{ edgeId: 'e0', producerAttempts: [0] }]);
  const producer = writer({ jobId, batchSize: 100 });
  await producer.open();
  await consumer.inputGate.open();
  consumer.inputGate.start();
  const records = Array.from({ length: 10_000 }, (_, i) => ['word', i]);
  await emitAll(producer, records.slice(0, 5_000));
  producer.broadcastEvent({ type: 'watermark', timestamp: 4_999 });
  await emitAll(producer, records.slice(5_000));
  await producer.close();
  await consumer.finished;
  t.same(consumer.records(), records);
  t.same(consumer.seen.map(({ message }) => message.seq), consumer.seen.map((_, i) => i), 'sequence numbers 0, 1, 2, …');
  const watermarkAt = consumer.seen.findIndex(({ message }) => message.event?.type === 'watermark');
  t.equal(consumer.seen.slice(0, watermarkAt).flatMap(({ message }) => message.records ?? []).length, 5_000, 'the watermark follows exactly the records emitted before it');
  t.same(consumer.seen.at(-1)!.message.event, { type: 'end' });
});

t.test('hash partitioning sends each key to the consumer owning its key group, in order', async (t) => {
  const jobId = `j${jobCount++}`;
  const consumers = [0, 1].map((index) => gate(jobId, index, [{ edgeId: 'e0', producerAttempts: [0] }]));
  const producer = writer({ jobId, partitioner: 'hash', consumerAttempts: [0, 0], keySelector: (record: [string, number]) => record[0], batchSize: 64 });
  await producer.open();
  for (const consumer of consumers) await consumer.inputGate.open();
  for (const consumer of consumers) consumer.inputGate.start(4);
  const records = Array.from({ length: 5_000 }, (_, i) => [`k${i % 37}`, i] as [string, number]);
  await emitAll(producer, records);
  await producer.close();
  await Promise.all(consumers.map((consumer) => consumer.finished));
  consumers.forEach((consumer, index) => {
    const expected = records.filter(([key]) => computeOperatorIndexForKeyGroup(128, 2, assignToKeyGroup(key, 128)) === index);
    t.ok(expected.length > 0, `consumer ${index} owns some keys`);
    t.same(consumer.records(), expected, `consumer ${index} gets exactly its keys, in emission order`);
  });
});

t.test('a slow consumer backpressures the producer; messages sent and not yet taken never exceed the credit', async (t) => {
  const jobId = `j${jobCount++}`;
  const credit = 4;
  const producer = writer({ jobId, batchSize: 10 });
  const channel = producer.channels[0];
  let maxInFlight = 0;
  let maxBacklog = 0;
  const consumer = gate(jobId, 0, [{ edgeId: 'e0', producerAttempts: [0] }], {
    handler: async () => {
      maxInFlight = Math.max(maxInFlight, channel.sentMessages - consumer.seen.length);
      maxBacklog = Math.max(maxBacklog, channel.backlogSize);
      await new Promise((resolve) => setImmediate(resolve));
    },
  });
  await producer.open();
  await consumer.inputGate.open();
  // Emitted without waiting: with no credit yet, every batch goes to the backlog.
  for (let i = 0; i < 500; i++) producer.emit(i);
  t.equal(channel.backlogSize, 50, 'all 50 batches wait for credit');
  t.ok(producer.isBackpressured);
  consumer.inputGate.start(credit);
  await producer.close();
  await consumer.finished;
  t.equal(channel.sentMessages, 51, '50 batches and end were sent');
  t.ok(maxInFlight <= credit && maxInFlight > 0, `sent but untaken messages stay within the credit of ${credit}, max was ${maxInFlight}`);
  t.ok(maxBacklog > 0, `the producer held a backlog while the consumer was busy, max ${maxBacklog}`);
  t.same(consumer.records(), Array.from({ length: 500 }, (_, i) => i));
  t.notOk(producer.isBackpressured);
});

t.test('a blocked channel is not read while the others go on; its credit bounds what it buffers', async (t) => {
  const jobId = `j${jobCount++}`;
  const credit = 4;
  const producers = [0, 1].map((producerIndex) => writer({ jobId, producerIndex, partitioner: 'global', batchSize: 10 }));
  let taken!: () => void;
  const firstTaken = new Promise<void>((resolve) => (taken = resolve));
  const consumer = gate(jobId, 0, [{ edgeId: 'e0', producerAttempts: [0, 0] }], { handler: () => taken() });
  for (const producer of producers) await producer.open();
  await consumer.inputGate.open();
  consumer.inputGate.block(0);
  consumer.inputGate.start(credit);
  const blockedRecords = Array.from({ length: 500 }, (_, i) => `blocked ${i}`);
  const otherRecords = Array.from({ length: 500 }, (_, i) => `open ${i}`);
  for (const record of blockedRecords) producers[0]!.emit(record);
  producers[0]!.flushAll();
  await emitAll(producers[1]!, otherRecords);
  await producers[1]!.close();
  await firstTaken;
  await until(() => consumer.seen.some(({ message }) => message.event?.type === 'end'));
  t.same(consumer.records(), otherRecords, 'the open channel was read to its end, the blocked one not at all');
  t.equal(producers[0]!.channels[0]!.sentMessages, credit, 'the blocked channel holds back its producer after its credit');
  t.ok(producers[0]!.isBackpressured);
  consumer.inputGate.unblock(0);
  await producers[0]!.close();
  await consumer.finished;
  t.same(consumer.records(), [...otherRecords, ...blockedRecords], 'after unblocking, the held-back records arrive in order');
});

/** Waits until the condition holds, checking after each turn of the event loop. */
async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setImmediate(resolve));
}

t.test('an out-of-sequence message fails the gate, naming the channel, and nothing from it on is taken', async (t) => {
  const jobId = `j${jobCount++}`;
  let reportError!: (error: Error) => void;
  const failed = new Promise<Error>((resolve) => { reportError = resolve; });
  const consumer = gate(jobId, 0, [{ edgeId: 'e1', producerAttempts: [0, 0] }], { onError: reportError });
  await consumer.inputGate.open();
  const subject = dataSubject('test', jobId, 'e1', end(1), end(0));
  for (const seq of [0, 1, 2, 3, 4, 7, 8]) producerNc.publish(subject, encodeBatch(seq, [seq], 'forger'));
  t.equal((await failed).message, 'sequence gap on channel e1 1->0: expected 5, got 7');
  await consumerNc.flush();
  // Messages queued before the gap may be dropped with the failed gate; the job restarts anyway.
  t.same(consumer.records(), [0, 1, 2, 3, 4].slice(0, consumer.records().length), 'at most the messages before the gap were taken, in order');
  t.ok(consumer.inputGate.isFinished, 'the failed gate has stopped');
});

t.test('a duplicate message fails the gate', async (t) => {
  const jobId = `j${jobCount++}`;
  const failed = new Promise<Error>((resolve) => {
    const consumer = gate(jobId, 0, [{ edgeId: 'e1', producerAttempts: [0] }], { onError: resolve });
    void consumer.inputGate.open().then(() => {
      for (const seq of [0, 1, 1]) producerNc.publish(dataSubject('test', jobId, 'e1', end(0), end(0)), encodeBatch(seq, [seq], 'forger'));
    });
  });
  t.equal((await failed).message, 'sequence duplicate on channel e1 0->0: expected 2, got 1');
});

t.test('a new attempt never sees what was sent on an old attempt\'s channel, nor counts an old attempt\'s credit', async (t) => {
  const jobId = `j${jobCount++}`;
  // Attempt 1 of producer and consumer replaced attempt 0. Messages on the channels of
  // attempt 0, or of a pair where one end is still at attempt 0, are still about.
  let gateFailed!: (error: Error) => void;
  const gateError = new Promise<never>((_, reject) => { gateFailed = reject; });
  gateError.catch(() => undefined);
  const consumer = gate(jobId, 0, [{ edgeId: 'e0', producerAttempts: [1] }], { consumerAttempt: 1, onError: (error) => gateFailed(error) });
  const producer = writer({ jobId, producerAttempt: 1, consumerAttempts: [1], batchSize: 10 });
  await producer.open();
  await consumer.inputGate.open();
  const staleEnds = [[end(0, 0), end(0, 0)], [end(0, 1), end(0, 0)], [end(0, 0), end(0, 1)]] as const;

  const records = Array.from({ length: 10 }, (_, i) => i);
  for (const record of records) producer.emit(record);
  t.ok(producer.isBackpressured, 'the batch waits for credit: the new consumer has granted none yet');
  for (const [from, to] of staleEnds) consumerNc.publish(creditSubject('test', jobId, 'e0', from, to), encodeCreditGrant(16));
  for (const [from, to] of staleEnds) producerNc.publish(dataSubject('test', jobId, 'e0', from, to), encodeBatch(0, ['stale'], 'old attempt'));
  // After both round trips, anything routed to the new attempt's subscriptions has been handled.
  await consumerNc.flush();
  await producerNc.flush();
  await consumerNc.flush();
  t.equal(producer.channels[0].sentMessages, 0, 'no stale credit reached the new producer');
  t.same(consumer.seen, [], 'no stale batch reached the new consumer');

  consumer.inputGate.start();
  await Promise.race([Promise.all([producer.close(), consumer.finished]), gateError]);
  t.same(consumer.records(), records, 'the new attempt gets exactly what the new producer sent');
  t.same(consumer.seen.map(({ message }) => message.seq), [0, 1], 'its batch and end, from sequence number 0');
});

t.test('an unencodable record is reported with its place and cause', async (t) => {
  for (const [bad, cause] of [[Symbol('s'), 'cannot encode a Symbol'], [{ f: () => 1 }, 'cannot encode a function']] as const) {
    const jobId = `j${jobCount++}`;
    const error = await new Promise<Error>((resolve) => {
      const producer = writer({ jobId, description: 'edge Map -> Sink: Print, subtask 2', onError: resolve });
      void producer.open().then(() => { producer.emit('fine'); producer.emit(bad); });
    });
    t.type(error, RecordEncodeError);
    t.equal(error.message, `record at edge Map -> Sink: Print, subtask 2: ${cause}`);
  }
});

t.test('a batch over the server\'s max payload is split; a single record over it is an error', async (t) => {
  const jobId = `j${jobCount++}`;
  const consumer = gate(jobId, 0, [{ edgeId: 'e0', producerAttempts: [0] }]);
  const producer = writer({ jobId, batchSize: 12 });
  await producer.open();
  await consumer.inputGate.open();
  consumer.inputGate.start();
  const megabyte = 'x'.repeat(1 << 20);
  const records = Array.from({ length: 12 }, (_, i) => `${i}${megabyte}`);
  await emitAll(producer, records);
  await producer.close();
  await consumer.finished;
  t.ok(producer.channels[0].sentMessages >= 3, `12 MiB went in at least 2 batches and end, got ${producer.channels[0].sentMessages} messages`);
  t.same(consumer.records(), records);

  const tooLarge = await new Promise<Error>((resolve) => {
    const lone = writer({ jobId: `j${jobCount++}`, batchSize: 1, onError: resolve });
    void lone.open().then(() => lone.emit('y'.repeat(producerNc.info!.max_payload + 1)));
  });
  t.match(tooLarge.message, /^record at edge Map -> Sink: Print, subtask 0: encoded size \d+ bytes exceeds the server's max payload of \d+ bytes$/);
});

t.test('cancel drops what was not sent and releases writers waiting for credit', async (t) => {
  const producer = writer({ jobId: `j${jobCount++}`, batchSize: 1 });
  await producer.open();
  producer.emit('never sent');
  t.ok(producer.isBackpressured, 'no credit was ever granted');
  const writable = producer.whenWritable();
  producer.cancel();
  await writable;
  t.equal(producer.channels[0].sentMessages, 0);
  t.notOk(producer.isBackpressured);
});

/** Counts what reaches the server on a subject. */
function snoop(subject: string): { count: () => number } {
  let received = 0;
  producerNc.subscribe(subject, { callback: () => { received++; } });
  return { count: () => received };
}

t.test('a channel whose two ends share a transport (one worker thread) is handed over in memory, never through the server', async (t) => {
  const jobId = `j${jobCount++}`;
  const consumer = gate(jobId, 0, [{ edgeId: 'e0', producerAttempts: [0] }]);
  const producer = writer({ jobId, transport: consumerTransport, batchSize: 10 });
  const onServer = [dataSubject, creditSubject].map((subject) => snoop(subject('test', jobId, 'e0', end(0), end(0))));
  await producerNc.flush();
  await producer.open();
  await consumer.inputGate.open();
  consumer.inputGate.start(4);
  const records = Array.from({ length: 2_000 }, (_, i) => ({ word: 'w', i }));
  await emitAll(producer, records.slice(0, 1_000));
  producer.broadcastEvent({ type: 'watermark', timestamp: 999 });
  await emitAll(producer, records.slice(1_000));
  await producerNc.flush();
  await consumerNc.flush();
  t.same(onServer.map((subject) => subject.count()), [0, 0], 'no batch and no credit grant went through the server');
  await producer.close();
  await consumer.finished;
  t.same(consumer.records(), records, 'every record, in order, through a credit of 4 batches');
  t.not(consumer.records()[0], records[0], 'the consumer has its own copy, as over the server');
  const watermarkAt = consumer.seen.findIndex(({ message }) => message.event?.type === 'watermark');
  t.equal(consumer.seen.slice(0, watermarkAt).flatMap(({ message }) => message.records ?? []).length, 1_000, 'the watermark keeps its place');
  await producerNc.flush();
  await consumerNc.flush();
  // The consumer's last grant may follow the producer's end: with nobody here listening, it goes to the server.
  t.equal(onServer[0]!.count(), 0, 'nor did the end');
});

t.test('a transport hands nothing more to a subscriber once it unsubscribed, not even what was pending; later messages go to the server', async (t) => {
  const transport = new ChannelTransport(consumerNc);
  const subject = `test.local.${jobCount++}`;
  const received: string[] = [];
  const subscription = transport.subscribe(subject, (data) => received.push(new TextDecoder().decode(data)), (error) => t.fail(error.message));
  const onServer = snoop(subject);
  await transport.flush();
  await producerNc.flush();
  transport.publish(subject, new TextEncoder().encode('handed over'));
  await new Promise((resolve) => setImmediate(resolve));
  transport.publish(subject, new TextEncoder().encode('pending'));
  subscription.unsubscribe();
  transport.publish(subject, new TextEncoder().encode('after'));
  await consumerNc.flush();
  await producerNc.flush();
  t.same(received, ['handed over']);
  t.equal(onServer.count(), 1, 'the message after unsubscribing went to the server');
});

t.test('a second subscriber to one channel subject in one transport is refused, naming the subject', async (t) => {
  const transport = new ChannelTransport(consumerNc);
  const subject = `test.local.${jobCount++}`;
  const first = transport.subscribe(subject, () => undefined, () => undefined);
  t.throws(() => transport.subscribe(subject, () => undefined, () => undefined), { message: `channel subject ${subject} has a subscriber in this thread already` });
  first.unsubscribe();
});
