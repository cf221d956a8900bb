import t from 'tap';
import { decodeCreditGrant, decodeMessage, encodeBatch, encodeCreditGrant, encodeEvent, RecordEncodeError } from '../../lib/exchange/codec.ts';

const place = 'edge Map -> Sink: Print, subtask 2';

t.test('batches and events round-trip with their sequence numbers', async (t) => {
  const records = [['word', 1], { user: 'ann', at: new Date(0), big: 2n ** 700n, nested: [null, true, 1.5] }, 'plain'];
  t.same(decodeMessage(encodeBatch(7, records, place)), { seq: 7, records });
  t.same(decodeMessage(encodeEvent(8, { type: 'watermark', timestamp: 1234 })), { seq: 8, event: { type: 'watermark', timestamp: 1234 } });
  t.same(decodeMessage(encodeEvent(9, { type: 'barrier', checkpointId: 3, timestamp: 1700000000000 })), { seq: 9, event: { type: 'barrier', checkpointId: 3, timestamp: 1700000000000 } });
  t.same(decodeMessage(encodeEvent(10, { type: 'end' })), { seq: 10, event: { type: 'end' } });
  t.equal(decodeCreditGrant(encodeCreditGrant(16)), 16);
});

t.test('timestamps travel beside their records, only when some record has one', async (t) => {
  t.same(decodeMessage(encodeBatch(0, ['a', 'b', 'c'], place, [5, null, 1700000000123])), { seq: 0, records: ['a', 'b', 'c'], timestamps: [5, null, 1700000000123] });
  t.same(decodeMessage(encodeBatch(1, ['a'], place)), { seq: 1, records: ['a'] }, 'no timestamps field when none has one');
});

t.test('an unencodable record fails with its place and cause, and is picked out of the batch', async (t) => {
  const symbol = Symbol('s');
  const fn = () => 1;
  const circular: Record<string, unknown> = {};
  circular.self = circular;
  const cases: Array<[unknown, string]> = [
    [symbol, `record at ${place}: cannot encode a Symbol`],
    [{ nested: [fn] }, `record at ${place}: cannot encode a function`],
    [circular, `record at ${place}: cannot encode a circular (or too deeply nested) structure`],
  ];
  for (const [bad, message] of cases) {
    const error = t.throws(() => encodeBatch(0, ['fine', bad, 'also fine'], place)) as RecordEncodeError;
    t.type(error, RecordEncodeError);
    t.ok(error.message.startsWith(message), `message starts with "${message}", got "${error.message}"`);
    t.equal(error.record, bad, 'the offending record is attached');
  }
});

t.test('a forged message is rejected on decode', async (t) => {
  t.throws(() => decodeMessage(encodeCreditGrant(3)), /not a channel message/);
  t.throws(() => decodeCreditGrant(encodeEvent(0, { type: 'end' })), /not a credit grant/);
});
