import t from 'tap';
import { nexmarkEvent, type Auction, type Bid, type Person } from '../../lib/bench/nexmark/nexmark-generator.ts';

const baseTime = Date.UTC(2026, 0, 1);
const events = Array.from({ length: 50_000 }, (_, id) => nexmarkEvent(id, baseTime));
const people = events.flatMap((event) => (event.type === 'person' ? [event.person] : []));
const auctions = events.flatMap((event) => (event.type === 'auction' ? [event.auction] : []));
const bids = events.flatMap((event) => (event.type === 'bid' ? [event.bid] : []));

function fieldTypes(record: object): Record<string, string> {
  return Object.fromEntries(Object.entries(record).map(([key, value]) => [key, typeof value]));
}

t.test('people, auctions and bids come in the proportions 1 : 3 : 46', async (t) => {
  t.same([people.length, auctions.length, bids.length], [1_000, 3_000, 46_000]);
  t.same(events.slice(0, 50).map((event) => event.type), ['person', 'auction', 'auction', 'auction', ...Array(46).fill('bid')]);
});

t.test('each kind has Nexmark\'s fields, and people and auctions number up from 1000', async (t) => {
  const person: Record<keyof Person, string> = { id: 'number', name: 'string', emailAddress: 'string', creditCard: 'string', city: 'string', state: 'string', dateTime: 'number', extra: 'string' };
  const auction: Record<keyof Auction, string> = { id: 'number', itemName: 'string', description: 'string', initialBid: 'number', reserve: 'number', dateTime: 'number', expires: 'number', seller: 'number', category: 'number', extra: 'string' };
  const bid: Record<keyof Bid, string> = { auction: 'number', bidder: 'number', price: 'number', channel: 'string', url: 'string', dateTime: 'number', extra: 'string' };
  t.same(fieldTypes(people[0]!), person);
  t.same(fieldTypes(auctions[0]!), auction);
  t.same(fieldTypes(bids[0]!), bid);
  t.same(people.map((p) => p.id), people.map((_, i) => 1000 + i), 'person ids are consecutive');
  t.same(auctions.map((a) => a.id), auctions.map((_, i) => 1000 + i), 'auction ids are consecutive');
  t.ok(people.every((p) => /^\d{4} \d{4} \d{4} \d{4}$/.test(p.creditCard) && /^\S+ \S+$/.test(p.name) && p.emailAddress.endsWith('.com')), 'names, cards and emails are shaped as Nexmark\'s');
  t.ok(auctions.every((a) => a.reserve > a.initialBid && a.expires > a.dateTime && a.category >= 10 && a.category < 15), 'reserve above the initial bid, expiry after the start, 5 categories');
});

t.test('bids go to known auctions and bidders, most of them to the hot ones', async (t) => {
  const lastAuction = 1000 + auctions.length - 1;
  const lastPerson = 1000 + people.length - 1;
  t.ok(bids.every((b) => b.auction >= 1000 && b.auction <= lastAuction + 10 && b.bidder >= 1000 && b.bidder <= lastPerson + 10), 'ids within the generated ones plus a lead of 10');
  t.ok(bids.every((b) => Number.isInteger(b.price) && b.price >= 100 && b.price <= 100_000_000), 'prices in cents, 1 to 1,000,000 dollars');
  t.ok(bids.every((b) => b.url.startsWith('https://www.nexmark.com/')), 'urls on nexmark.com');
  const hotAuction = bids.filter((b) => (b.auction - 1000) % 100 === 0).length / bids.length;
  t.ok(hotAuction > 0.97, `about 99% of bids are on a hot auction, got ${hotAuction}`);
  const hotChannel = bids.filter((b) => ['Google', 'Facebook', 'Baidu', 'Apple'].includes(b.channel)).length / bids.length;
  t.ok(hotChannel > 0.97 && bids.some((b) => /^channel-\d+$/.test(b.channel)), `about 99% on the 4 hot channels and the rest on channel-N, got ${hotChannel}`);
  const meanExtra = bids.reduce((sum, b) => sum + b.extra.length, 0) / bids.length;
  t.ok(Math.abs(meanExtra - 68) < 2, `bids pad to 100 bytes on average: extra about 68 characters, got ${meanExtra}`);
});

t.test('an event depends only on its id, and time advances 10,000 events per millisecond', async (t) => {
  t.same(nexmarkEvent(12_345, baseTime), events[12_345]);
  t.equal(bids[0]!.dateTime, baseTime);
  const last = nexmarkEvent(49_999, baseTime);
  t.equal(last.type === 'bid' && last.bid.dateTime, baseTime + 4);
});
