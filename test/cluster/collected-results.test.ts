// The client's end of executeAndCollect(), fed the collect sink's messages by hand.
import t from 'tap';
import { connect } from 'nats';
import { startNatsServer } from '../../lib/nats/nats-server.ts';
import { encodeControl } from '../../lib/codec/control-codec.ts';
import { CollectedResults } from '../../lib/client/collected-results.ts';
import type { CollectMessage } from '../../lib/operators/collect-sink-operator.ts';

const server = await startNatsServer();
const nc = await connect({ servers: server.url });
t.teardown(async () => {
  await nc.close();
  await server.stop();
});

let subjects = 0;
async function collect(messages: CollectMessage[], limit?: number) {
  const subject = `test.results.${subjects++}`;
  let limitCalls = 0;
  const results = new CollectedResults(nc, subject, limit, () => limitCalls++);
  await nc.flush();
  for (const message of messages) nc.publish(subject, encodeControl(message));
  await nc.flush();
  results.stop();
  return { results, limitCalls };
}

t.test('a restarted sink drops what earlier attempts sent from the restored checkpoint\'s epoch on', async (t) => {
  const { results } = await collect([
    { attempt: 0, epoch: 0, records: [1, 2] },
    { attempt: 0, epoch: 3, records: [3, 4] },
    { attempt: 0, epoch: 5, records: [5, 6] },
    { attempt: 1, restoredFrom: 5 },
    { attempt: 1, epoch: 5, records: [5, 6, 7] },
    { attempt: 1, end: true },
  ]);
  t.same(results.records(), [1, 2, 3, 4, 5, 6, 7], 'epochs before 5 kept, the old attempt\'s epoch 5 replaced by the new one\'s');
  await t.resolves(results.ended, 'the latest attempt ended');
});

t.test('a restart with no checkpoint to restore drops everything sent before; an old attempt\'s end does not end the results', async (t) => {
  const { results } = await collect([
    { attempt: 0, epoch: 0, records: ['a', 'b'] },
    { attempt: 1, restoredFrom: 0 },
    { attempt: 0, end: true },
    { attempt: 1, epoch: 0, records: ['a'] },
  ]);
  t.same(results.records(), ['a']);
  const ended = await Promise.race([results.ended.then(() => true), new Promise((resolve) => setTimeout(() => resolve(false), 50))]);
  t.equal(ended, false, 'the latest attempt has not ended');
});

t.test('the limit is called once when reached, and the records are cut at it', async (t) => {
  const { results, limitCalls } = await collect([
    { attempt: 0, epoch: 0, records: [1, 2, 3] },
    { attempt: 0, epoch: 0, records: [4, 5, 6] },
    { attempt: 0, epoch: 0, records: [7] },
  ], 5);
  t.equal(limitCalls, 1);
  t.ok(results.limitReached);
  t.same(results.records(), [1, 2, 3, 4, 5]);
});
