import t from 'tap';
import { decodeCreditGrant, decodeMessage, encodeBatch, encodeCreditGrant, encodeEvent, RecordEncodeError } from '../../lib/exchange/codec.ts';

const place = 'edge Map -> Sink: Print, subtask 2';

t.test('batches and events round-trip with their sequence numbers', async (t) => {
  const records = [['word', 1], { user: 'ann', at: new Date(0), big: 2n ** 700n, nested: [null, true, 1.5] }, 'plain',
    ['naïve café', '日本語', 'emoji 😀', 'x'.repeat(70_000)], { 'ключ': 'значение', '': -0.25 }];
  t.same(decodeMessage(encodeBatch(7, records, place)), { seq: 7, records });
  t.same(decodeMessage(encodeEvent(8, { type: 'watermark', timestamp: 1234 })), { seq: 8, event: { type: 'watermark', timestamp: 1234 } });
  t.same(decodeMessage(encodeEvent(9, { type: 'barrier', checkpointId: 3, timestamp: 1700000000000 })), { seq: 9, event: { type: 'barrier', checkpointId: 3, timestamp: 1700000000000 } });
  t.same(decodeMessage(encodeEvent(10, { type: 'end' })), { seq: 10, event: { type: 'end' } });
  t.equal(decodeCreditGrant(encodeCreditGrant(16)), 16);
});

t.test('a record shape\'s keys travel once per batch, and every batch decodes on its own', async (t) => {
  const bids = (from: number) => Array.from({ length: 1000 }, (_, i) => ({
    auction: 1000 + i, bidder: from + i, price: 5 * i, channel: 'Google', url: 'https://www.nexmark.com/a/b/item.htm', dateTime: 1700000000000 + i, extra: '',
  }));
  const first = encodeBatch(0, bids(0), place);
  const second = encodeBatch(1, bids(1000), place);
  for (const [name, bytes] of [['first', first], ['second', second]] as const) {
    t.equal(Buffer.from(bytes).toString('latin1').split('bidder').length - 1, 1, `the key "bidder" appears once in the ${name} batch`);
  }
  // A consumer that restarts sees the second batch first: it must need nothing from the first.
  t.same(decodeMessage(second), { seq: 1, records: bids(1000) });
  t.same(decodeMessage(first), { seq: 0, records: bids(0) });
});

t.test('many shapes in one batch, class instances, Maps and Sets round-trip', async (t) => {
  class Point { constructor(readonly x: number, readonly y: number) {} norm() { return Math.hypot(this.x, this.y); } }
  const shapes = Array.from({ length: 300 }, (_, i) => ({ [`field${i}`]: i, shared: 'x' }));
  const decoded = decodeMessage(encodeBatch(0, [...shapes, new Point(3, 4), new Map([['k', { v: 1 }]]), new Set([1, 2]), Object.create(null)], place)).records!;
  t.same(decoded.slice(0, 300), shapes, '300 shapes (more than msgpackr has record slots for) in one batch');
  const [point, map, set, bare] = decoded.slice(300) as [Record<string, unknown>, unknown, unknown, unknown];
  t.equal(Object.getPrototypeOf(point), Object.prototype, 'a class instance arrives as a plain object');
  t.same(point, { x: 3, y: 4 }, 'with its own fields, without its methods');
  t.same(map, new Map([['k', { v: 1 }]]));
  t.type(map, Map);
  t.type(set, Set);
  t.same(bare, {});
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
