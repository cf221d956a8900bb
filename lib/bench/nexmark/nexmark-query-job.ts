// Nexmark queries as DataStream jobs, after Flink's nexmark SQL:
//   q0 pass-through:        SELECT auction, bidder, price, dateTime, extra FROM bid
//   q1 currency conversion: SELECT auction, bidder, 0.908 * price AS price, dateTime, extra FROM bid
//   q2 selection:           SELECT auction, price FROM bid WHERE MOD(auction, 123) = 0
//   q3 local item suggestion: SELECT P.name, P.city, P.state, A.id FROM auction A JOIN person P
//                           ON A.seller = P.id WHERE A.category = 10 AND P.state IN ('OR', 'ID', 'CA'):
//                           a regular join, each side waiting in keyed state for the other
//   q5 hot items:           the auctions with the most bids in each 10 s window sliding by 2 s
//   q7 highest bid:         the highest bid of each 10 s tumbling window
//   q8 new users:           the people who opened an auction in the 10 s tumbling window in
//                           which they registered: a window join of persons and auctions
// As in Flink, the source emits every event (people and auctions too) and the query keeps the
// ones it reads. q0 to q2 are one chain into a discarding sink; the windowed queries read
// event time from `dateTime`, with Nexmark's watermark 4 s behind it.
//
//   sluice run lib/bench/nexmark/nexmark-query-job.ts -p 2 -- --query q5 --events 1000000
import {
  Duration,
  KeyedCoProcessFunction,
  ListStateDescriptor,
  ValueStateDescriptor,
  SlidingEventTimeWindows,
  StreamExecutionEnvironment,
  Time,
  TumblingEventTimeWindows,
  WatermarkStrategy,
  type AggregateFunction,
  type Collector,
  type DataStream,
  type ListState,
  type ValueState,
} from 'sluice';
import { DiscardingSink } from '../jobs/discarding-sink.ts';
import { positiveIntegerArgument, stringArgument } from '../jobs/job-arguments.ts';
import type { Auction, Bid, NexmarkEvent, Person } from './nexmark-generator.ts';
import { NexmarkSource } from './nexmark-source.ts';

const env = StreamExecutionEnvironment.getExecutionEnvironment();
const events = env.addSource(new NexmarkSource(positiveIntegerArgument('events', 1_000_000), Date.UTC(2026, 0, 1)), 'NexmarkSource');

const bidsOf = (stream: DataStream<NexmarkEvent>) => stream
  .filter((event) => event.type === 'bid').name('Bids')
  .map((event) => (event as { bid: Bid }).bid).name('Bid');

/** The events in event time, read from dateTime, with Nexmark's watermark: 4 s behind the latest event. */
const eventTime = () => events.assignTimestampsAndWatermarks(
  WatermarkStrategy.forBoundedOutOfOrderness<NexmarkEvent>(Duration.ofSeconds(4)).withTimestampAssigner(dateTimeOf),
);

function dateTimeOf(event: NexmarkEvent): number {
  switch (event.type) {
    case 'person': return event.person.dateTime;
    case 'auction': return event.auction.dateTime;
    case 'bid': return event.bid.dateTime;
  }
}

const countBids: AggregateFunction<Bid, number, number> = {
  createAccumulator: () => 0,
  add: (_bid, count) => count + 1,
  getResult: (count) => count,
  merge: (a, b) => a + b,
};

const highestPrice = (a: Bid, b: Bid) => (b.price > a.price ? b : a);

interface AuctionBids {
  auction: number;
  num: number;
  windowEnd: number;
}

interface LocalItemSuggestion {
  name: string;
  city: string;
  state: string;
  id: number;
}

/** q3's join by seller: a person waits in ValueState for their auctions, an auction that came first in ListState. */
class LocalItemSuggestions extends KeyedCoProcessFunction<number, Person, Auction, LocalItemSuggestion> {
  private person!: ValueState<Person>;
  private waitingAuctions!: ListState<Auction>;

  open(): void {
    this.person = this.getRuntimeContext().getState(new ValueStateDescriptor<Person>('person'));
    this.waitingAuctions = this.getRuntimeContext().getListState(new ListStateDescriptor<Auction>('waiting-auctions'));
  }

  processElement1(person: Person, _ctx: KeyedCoProcessFunction.Context<number>, out: Collector<LocalItemSuggestion>): void {
    this.person.update(person);
    for (const auction of this.waitingAuctions.get()) out.collect(suggestion(person, auction));
    this.waitingAuctions.clear();
  }

  processElement2(auction: Auction, _ctx: KeyedCoProcessFunction.Context<number>, out: Collector<LocalItemSuggestion>): void {
    const person = this.person.value();
    if (person) out.collect(suggestion(person, auction));
    else this.waitingAuctions.add(auction);
  }
}

const suggestion = ({ name, city, state }: Person, { id }: Auction): LocalItemSuggestion => ({ name, city, state, id });

const query = stringArgument('query', 'q0');
switch (query) {
  case 'q0':
    bidsOf(events).map(({ auction, bidder, price, dateTime, extra }) => ({ auction, bidder, price, dateTime, extra })).name('q0: pass-through')
      .addSink(new DiscardingSink()).name('Discard');
    break;
  case 'q1':
    bidsOf(events).map(({ auction, bidder, price, dateTime, extra }) => ({ auction, bidder, price: 0.908 * price, dateTime, extra })).name('q1: currency conversion')
      .addSink(new DiscardingSink()).name('Discard');
    break;
  case 'q2':
    bidsOf(events).filter((bid) => bid.auction % 123 === 0).name('q2: selection')
      .map(({ auction, price }) => ({ auction, price })).name('q2: projection')
      .addSink(new DiscardingSink()).name('Discard');
    break;
  case 'q3': {
    const persons = events.filter((event) => event.type === 'person' && ['OR', 'ID', 'CA'].includes(event.person.state)).name('q3: persons in OR, ID, CA')
      .map((event) => (event as { person: Person }).person).name('Person');
    const auctions = events.filter((event) => event.type === 'auction' && event.auction.category === 10).name('q3: auctions in category 10')
      .map((event) => (event as { auction: Auction }).auction).name('Auction');
    persons.keyBy((person) => person.id)
      .connect(auctions.keyBy((auction) => auction.seller))
      .process(new LocalItemSuggestions()).name('q3: join')
      .addSink(new DiscardingSink()).name('Discard');
    break;
  }
  case 'q5':
    bidsOf(eventTime())
      .keyBy((bid) => bid.auction)
      .window(SlidingEventTimeWindows.of(Time.seconds(10), Time.seconds(2)))
      .aggregate<number, number, AuctionBids>(countBids, (auction, context, counts, out) => {
        for (const num of counts) out.collect({ auction, num, windowEnd: context.window().getEnd() });
      }).name('q5: bids per auction')
      // Each count is stamped with its window's end - 1, so it falls into the 2 s window ending with it.
      .keyBy((counted) => counted.windowEnd)
      .window(TumblingEventTimeWindows.of(Time.seconds(2)))
      .process<AuctionBids>((_windowEnd, _context, counted, out) => {
        const all = [...counted];
        const max = Math.max(...all.map((auctionBids) => auctionBids.num));
        for (const auctionBids of all) if (auctionBids.num >= max) out.collect(auctionBids);
      }).name('q5: hot items')
      .addSink(new DiscardingSink()).name('Discard');
    break;
  case 'q7':
    bidsOf(eventTime())
      .keyBy((bid) => bid.auction)
      .window(TumblingEventTimeWindows.of(Time.seconds(10)))
      .reduce(highestPrice).name('q7: highest bid per auction')
      .windowAll(TumblingEventTimeWindows.of(Time.seconds(10)))
      .reduce(highestPrice).name('q7: highest bid')
      .addSink(new DiscardingSink()).name('Discard');
    break;
  case 'q8': {
    const timed = eventTime();
    const persons = timed.filter((event) => event.type === 'person').name('Persons').map((event) => (event as { person: Person }).person).name('Person');
    const auctions = timed.filter((event) => event.type === 'auction').name('Auctions').map((event) => (event as { auction: Auction }).auction).name('Auction');
    persons.join(auctions)
      .where((person) => person.id)
      .equalTo((auction) => auction.seller)
      .window(TumblingEventTimeWindows.of(Time.seconds(10)))
      .apply((person: Person, auction: Auction) => ({ id: person.id, name: person.name, reserve: auction.reserve })).name('q8: new users')
      .addSink(new DiscardingSink()).name('Discard');
    break;
  }
  default:
    throw new Error(`--query must be q0, q1, q2, q3, q5, q7 or q8, got "${query}"`);
}

await env.execute(`Nexmark ${query}`);
