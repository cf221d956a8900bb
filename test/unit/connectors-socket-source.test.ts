import t, { type Test } from 'tap';
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { once } from 'node:events';
import { StreamExecutionEnvironment } from '../../lib/api/index.ts';
import { collectInto, runInMemory } from './helpers/run-in-memory.ts';

/** A local server on a free port; `connected` resolves with the source's connection. */
async function listen(t: Test): Promise<{ port: number; connected: Promise<Socket> }> {
  const server: Server = createServer();
  const connected = once(server, 'connection').then(([socket]) => socket as Socket);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  t.teardown(() => server.close());
  return { port: (server.address() as AddressInfo).port, connected };
}

t.test('emits the text between delimiters and ends when the peer closes', async (t) => {
  const { port, connected } = await listen(t);
  const env = StreamExecutionEnvironment.getExecutionEnvironment();
  const lines = collectInto(env.socketTextStream('127.0.0.1', port));
  const running = runInMemory(env.getStreamGraph());
  const peer = await connected;
  peer.write('to be or\r\nnot to');
  peer.end(' be\nthat is');
  await running;
  t.same(lines, ['to be or', 'not to be', 'that is']);
});

t.test('splits on a custom delimiter', async (t) => {
  const { port, connected } = await listen(t);
  const env = StreamExecutionEnvironment.getExecutionEnvironment();
  const records = collectInto(env.socketTextStream('127.0.0.1', port, ';;'));
  const running = runInMemory(env.getStreamGraph());
  (await connected).end('a;;b\n;;;;c');
  await running;
  t.same(records, ['a', 'b\n', '', 'c']);
});

t.test('cancel() closes the connection and ends the source', async (t) => {
  const { port, connected } = await listen(t);
  const env = StreamExecutionEnvironment.getExecutionEnvironment();
  const records: string[] = [];
  let firstArrived!: () => void;
  const first = new Promise<void>((resolve) => (firstArrived = resolve));
  env.socketTextStream('127.0.0.1', port).addSink((line) => {
    records.push(line);
    firstArrived();
  });
  const running = runInMemory(env.getStreamGraph(), {
    onSourcesStarted: (sources) => void first.then(() => sources.forEach((source) => source.cancel())),
  });
  const peer = await connected;
  peer.write('hello\n');
  await running;
  await once(peer, 'close');
  t.same(records, ['hello']);
});

t.test('a refused connection fails naming the address', async (t) => {
  const closed = createServer().listen(0, '127.0.0.1');
  await once(closed, 'listening');
  const { port } = closed.address() as AddressInfo;
  await new Promise((resolve) => closed.close(resolve));
  const env = StreamExecutionEnvironment.getExecutionEnvironment();
  env.socketTextStream('127.0.0.1', port).print();
  await t.rejects(runInMemory(env.getStreamGraph()), /socket source 127\.0\.0\.1:\d+: connect ECONNREFUSED/);
});
