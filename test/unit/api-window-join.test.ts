import t from 'tap';
import { RichJoinFunction, StreamExecutionEnvironment, Time, TumblingEventTimeWindows, type Collector } from '../../lib/api/index.ts';
import { collectInto, runInMemory } from './helpers/run-in-memory.ts';
import { TimestampedSource } from './helpers/timestamped-source.ts';

type Order = { user: string; item: string; ts: number };
type Click = { user: string; page: string; ts: number };

const orders: Order[] = [
  { user: 'ann', item: 'book', ts: 1_000 },
  { user: 'bob', item: 'pen', ts: 2_000 },
  { user: 'ann', item: 'lamp', ts: 6_000 },
  { user: 'cid', item: 'cup', ts: 7_000 },
];
const clicks: Click[] = [
  { user: 'ann', page: 'home', ts: 4_999 },
  { user: 'ann', page: 'cart', ts: 500 },
  { user: 'ann', page: 'help', ts: 5_000 },
  { user: 'bob', page: 'home', ts: 9_000 },
  { user: 'dan', page: 'home', ts: 1_000 },
];

function streams() {
  const env = StreamExecutionEnvironment.getExecutionEnvironment();
  return {
    env,
    orders: env.addSource(new TimestampedSource(orders, (order) => order.ts), 'Orders'),
    clicks: env.addSource(new TimestampedSource(clicks, (click) => click.ts), 'Clicks'),
  };
}

const fiveSeconds = TumblingEventTimeWindows.of(Time.seconds(5));

t.test('a window join pairs the records of both inputs with equal keys in the same window', async (t) => {
  const { env, orders, clicks } = streams();
  const joined = orders.join(clicks).where((order) => order.user).equalTo((click) => click.user).window(fiveSeconds)
    .apply((order: Order, click: Click) => `${order.user}: ${order.item}+${click.page}`);
  const pairs: string[] = [];
  joined.addSink({ invoke: (pair, context) => pairs.push(`${pair} @${context.timestamp()}`) });
  await runInMemory(env.getStreamGraph());
  // [0, 5000): ann's book with cart and home; bob has no click there. [5000, 10000): ann's lamp with help; bob's click has no order there.
  t.same(pairs.sort(), ['ann: book+cart @4999', 'ann: book+home @4999', 'ann: lamp+help @9999'], 'each pair carries its window\'s last timestamp');
});

t.test('a FlatJoinFunction emits through out, and a rich join function gets its lifecycle', async (t) => {
  const { env, orders, clicks } = streams();
  const flat = collectInto(orders.join(clicks).where('user').equalTo('user').window(fiveSeconds)
    .apply((order: Order, click: Click, out: Collector<string>) => {
      if (click.page !== 'home') out.collect(`${order.item}@${click.page}`);
    }));
  class Numbered extends RichJoinFunction<Order, Click, string> {
    private opened = false;
    override open(): void {
      this.opened = this.getRuntimeContext().getNumberOfParallelSubtasks() === 1;
    }

    join(order: Order, click: Click): string {
      return `${this.opened}:${order.item}/${click.page}`;
    }
  }
  const rich = collectInto(orders.join(clicks).where('user').equalTo('user').window(fiveSeconds).apply(new Numbered()));
  await runInMemory(env.getStreamGraph());
  t.same(flat.sort(), ['book@cart', 'lamp@help']);
  t.same(rich.sort(), ['true:book/cart', 'true:book/home', 'true:lamp/help']);
});

t.test('coGroup gives each key and window the records of both inputs, also when one side has none', async (t) => {
  const { env, orders, clicks } = streams();
  const groups = collectInto(orders.coGroup(clicks).where((order) => order.user).equalTo((click) => click.user).window(fiveSeconds)
    .apply((userOrders: Iterable<Order>, userClicks: Iterable<Click>, out: Collector<string>) => {
      const items = [...userOrders].map((order) => order.item).sort();
      const pages = [...userClicks].map((click) => click.page).sort();
      out.collect(`${[...items, '|', ...pages].join(' ')}`);
    }));
  await runInMemory(env.getStreamGraph());
  t.same(groups.sort(), ['book | cart home', 'cup |', 'lamp | help', 'pen |', '| home', '| home'].sort());
});
