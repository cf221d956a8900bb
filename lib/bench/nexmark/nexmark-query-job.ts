// Nexmark queries 0 to 2 as DataStream jobs, after Flink's nexmark SQL:
//   q0 pass-through:        SELECT auction, bidder, price, dateTime, extra FROM bid
//   q1 currency conversion: SELECT auction, bidder, 0.908 * price AS price, dateTime, extra FROM bid
//   q2 selection:           SELECT auction, price FROM bid WHERE MOD(auction, 123) = 0
// As in Flink, the source emits every event (people and auctions too), the query keeps
// the bids, and the whole job is one chain into a discarding sink.
//
//   sluice run lib/bench/nexmark/nexmark-query-job.ts -p 2 -- --query q1 --events 1000000
import { StreamExecutionEnvironment } from 'sluice';
import { DiscardingSink } from '../jobs/discarding-sink.ts';
import { positiveIntegerArgument, stringArgument } from '../jobs/job-arguments.ts';
import type { Bid, NexmarkEvent } from './nexmark-generator.ts';
import { NexmarkSource } from './nexmark-source.ts';

const env = StreamExecutionEnvironment.getExecutionEnvironment();
const bids = env.addSource(new NexmarkSource(positiveIntegerArgument('events', 1_000_000), Date.UTC(2026, 0, 1)), 'NexmarkSource')
  .filter((event: NexmarkEvent) => event.type === 'bid').name('Bids')
  .map((event) => (event as { bid: Bid }).bid).name('Bid');

const query = stringArgument('query', 'q0');
switch (query) {
  case 'q0':
    bids.map(({ auction, bidder, price, dateTime, extra }) => ({ auction, bidder, price, dateTime, extra })).name('q0: pass-through')
      .addSink(new DiscardingSink()).name('Discard');
    break;
  case 'q1':
    bids.map(({ auction, bidder, price, dateTime, extra }) => ({ auction, bidder, price: 0.908 * price, dateTime, extra })).name('q1: currency conversion')
      .addSink(new DiscardingSink()).name('Discard');
    break;
  case 'q2':
    bids.filter((bid) => bid.auction % 123 === 0).name('q2: selection')
      .map(({ auction, price }) => ({ auction, price })).name('q2: projection')
      .addSink(new DiscardingSink()).name('Discard');
    break;
  default:
    throw new Error(`--query must be q0, q1 or q2, got "${query}"`);
}

await env.execute(`Nexmark ${query}`);
