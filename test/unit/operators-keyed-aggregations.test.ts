import t from 'tap';
import { RichReduceFunction, StreamExecutionEnvironment, type DataStream, type KeyedStream } from '../../lib/api/index.ts';
import { collectInto, runInMemory } from './helpers/run-in-memory.ts';

type Sale = [string, number, string];
const sales: Sale[] = [
  ['apple', 3, 'mon'],
  ['pear', 5, 'mon'],
  ['apple', 1, 'tue'],
  ['apple', 7, 'wed'],
  ['pear', 5, 'thu'],
  ['apple', 1, 'thu'],
];

/** Runs `aggregate` over the sales keyed by product and returns what it emitted. */
async function rolling(aggregate: (keyed: KeyedStream<Sale, unknown>) => DataStream<Sale>): Promise<Sale[]> {
  const env = StreamExecutionEnvironment.getExecutionEnvironment();
  const out = collectInto(aggregate(env.fromCollection(sales).keyBy(0)));
  await runInMemory(env.getStreamGraph());
  return out;
}

t.test('sum/min/max change one field and keep the first record of the key otherwise', async (t) => {
  t.same(await rolling((k) => k.sum(1)), [
    ['apple', 3, 'mon'], ['pear', 5, 'mon'], ['apple', 4, 'mon'], ['apple', 11, 'mon'], ['pear', 10, 'mon'], ['apple', 12, 'mon'],
  ]);
  t.same(await rolling((k) => k.min(1)), [
    ['apple', 3, 'mon'], ['pear', 5, 'mon'], ['apple', 1, 'mon'], ['apple', 1, 'mon'], ['pear', 5, 'mon'], ['apple', 1, 'mon'],
  ]);
  t.same(await rolling((k) => k.max(1)), [
    ['apple', 3, 'mon'], ['pear', 5, 'mon'], ['apple', 3, 'mon'], ['apple', 7, 'mon'], ['pear', 5, 'mon'], ['apple', 7, 'mon'],
  ]);
});

t.test('minBy/maxBy emit the whole extreme record, the first one on ties', async (t) => {
  t.same(await rolling((k) => k.minBy(1)), [
    ['apple', 3, 'mon'], ['pear', 5, 'mon'], ['apple', 1, 'tue'], ['apple', 1, 'tue'], ['pear', 5, 'mon'], ['apple', 1, 'tue'],
  ]);
  t.same(await rolling((k) => k.maxBy(1)), [
    ['apple', 3, 'mon'], ['pear', 5, 'mon'], ['apple', 3, 'mon'], ['apple', 7, 'wed'], ['pear', 5, 'mon'], ['apple', 7, 'wed'],
  ]);
});

t.test('aggregations do not modify the input records', async (t) => {
  const before = JSON.stringify(sales);
  await rolling((k) => k.sum(1));
  t.equal(JSON.stringify(sales), before);
});

t.test('reduce with a lambda and with a rich function object', async (t) => {
  t.same(await rolling((k) => k.reduce((a, b) => [a[0], a[1] * b[1], `${a[2]}+${b[2]}`])), [
    ['apple', 3, 'mon'], ['pear', 5, 'mon'], ['apple', 3, 'mon+tue'], ['apple', 21, 'mon+tue+wed'], ['pear', 25, 'mon+thu'], ['apple', 21, 'mon+tue+wed+thu'],
  ]);
  class LastDay extends RichReduceFunction<Sale> {
    reduce(a: Sale, b: Sale): Sale {
      return [a[0], a[1] + b[1], `${this.getRuntimeContext().getTaskName()}:${b[2]}`];
    }
  }
  const out = await rolling((k) => k.reduce(new LastDay()).name('last'));
  t.same(out.at(-1), ['apple', 12, 'last:thu']);
});

t.test('fields by property name, and field 0 of plain values', async (t) => {
  const env = StreamExecutionEnvironment.getExecutionEnvironment();
  class Reading {
    constructor(readonly sensor: string, readonly celsius: number) {}
  }
  const readings = env.fromElements(new Reading('a', 20), new Reading('a', 25), new Reading('b', 1));
  const hottest = collectInto(readings.keyBy((r) => r.sensor).max('celsius'));
  const total = collectInto(env.fromElements(1, 2, 3, 4).keyBy((x) => x % 2).sum(0));
  await runInMemory(env.getStreamGraph());
  t.same(hottest.map((r) => [r.sensor, r.celsius]), [['a', 20], ['a', 25], ['b', 1]]);
  t.ok(hottest.every((r) => r instanceof Reading), 'copies keep the record class');
  t.same(total, [1, 2, 4, 6]);
});

t.test('an aggregation over a missing field names the field and the record', async (t) => {
  const env = StreamExecutionEnvironment.getExecutionEnvironment();
  env.fromElements({ k: 'x', n: 1 }, { k: 'x' }).keyBy('k').sum('n');
  await t.rejects(runInMemory(env.getStreamGraph()), { message: 'sum("n"): field "n" of record {"k":"x"} is missing' });
});

t.test('tuple and object keys are compared by value, as the partitioner hashes them', async (t) => {
  const env = StreamExecutionEnvironment.getExecutionEnvironment();
  const out = collectInto(env.fromElements<Sale>(['a', 1, 'x'], ['a', 1, 'y'], ['a', 2, 'z'])
    .keyBy((sale) => ({ product: sale[0], units: sale[1] })).sum(1));
  await runInMemory(env.getStreamGraph());
  t.same(out.map((sale) => sale[1]), [1, 2, 2]);
});

t.test('a chained operator that mutates what an aggregation emitted does not change its state', async (t) => {
  const env = StreamExecutionEnvironment.getExecutionEnvironment();
  const out = collectInto(env.fromCollection(sales).keyBy(0).sum(1)
    .map((sale) => { sale[1] *= 100; return sale; }));
  await runInMemory(env.getStreamGraph());
  t.same(out.filter((sale) => sale[0] === 'pear').map((sale) => sale[1]), [500, 1000]);
});
