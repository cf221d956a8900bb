import t from 'tap';
import { OutputTag, ProcessJoinFunction, StreamExecutionEnvironment, Time, type Collector, type ProcessJoinFunctionContext } from '../../lib/api/index.ts';
import { IntervalJoinOperator } from '../../lib/operators/interval-join-operator.ts';
import { VoidNamespace } from '../../lib/state/void-namespace.ts';
import { OperatorTestHarness } from './helpers/operator-test-harness.ts';
import { collectInto, runInMemory } from './helpers/run-in-memory.ts';
import { TimestampedSource } from './helpers/timestamped-source.ts';

type Event = { key: string; ts: number };

/** Emits "left.ts:right.ts" and checks the context's timestamps against the records'. */
class PairTimestamps extends ProcessJoinFunction<Event, Event, string> {
  processElement(left: Event, right: Event, ctx: ProcessJoinFunctionContext, out: Collector<string>): void {
    if (ctx.getLeftTimestamp() !== left.ts || ctx.getRightTimestamp() !== right.ts || ctx.getTimestamp() !== Math.max(left.ts, right.ts)) {
      throw new Error(`context timestamps ${ctx.getLeftTimestamp()}/${ctx.getRightTimestamp()}/${ctx.getTimestamp()} for ${left.ts}:${right.ts}`);
    }
    out.collect(`${left.ts}:${right.ts}`);
  }
}

const byKey = (event: Event) => event.key;

async function intervalJoinHarness(lower: number, upper: number, lowerInclusive = true, upperInclusive = true) {
  const operator = new IntervalJoinOperator<string, Event, Event, string>(lower, upper, lowerInclusive, upperInclusive, new PairTimestamps());
  return OperatorTestHarness.forOperators<string>([operator], { channels: [1, 1], keySelector: byKey, keySelector2: byKey }).open();
}

const left = (key: string, ts: number) => [{ key, ts }, ts, { input: 1 }] as const;
const right = (key: string, ts: number) => [{ key, ts }, ts, { input: 2 }] as const;

/** Every (l, r) of the cartesian product with lower <= r - l <= upper, as Flink's IntervalJoinOperatorTest computes it. */
function expectedPairs(leftTimestamps: number[], rightTimestamps: number[], lower: number, upper: number): string[] {
  return leftTimestamps.flatMap((l) => rightTimestamps.filter((r) => r - l >= lower && r - l <= upper).map((r) => `${l}:${r}`)).sort();
}

for (const [lower, upper, lowerInclusive, upperInclusive] of [[-1, 1, true, true], [-1, 1, false, false], [-2, -1, true, true], [1, 3, true, false], [0, 0, true, true]] as const) {
  t.test(`between(${lower}, ${upper}), ${lowerInclusive ? 'inclusive' : 'exclusive'} lower, ${upperInclusive ? 'inclusive' : 'exclusive'} upper: the cartesian product within the bounds`, async (t) => {
    const harness = await intervalJoinHarness(lower, upper, lowerInclusive, upperInclusive);
    const timestamps = [1, 2, 3, 4, 5];
    for (const ts of timestamps) {
      harness.processElement(...left('k', ts));
      harness.processElement(...right('k', ts));
    }
    harness.processElement(...right('other-key', 3));
    const emitted = harness.output.emitted.filter((e) => 'record' in e) as Array<{ record: string; timestamp: number }>;
    t.same(emitted.map((e) => e.record).sort(), expectedPairs(timestamps, timestamps, lowerInclusive ? lower : lower + 1, upperInclusive ? upper : upper - 1));
    t.ok(emitted.every((e) => e.timestamp === Math.max(...e.record.split(':').map(Number))), 'each pair carries the larger timestamp');
    await harness.finishAndClose();
  });
}

t.test('buffers are cleaned up once the watermark passes the last time a partner could come', async (t) => {
  const harness = await intervalJoinHarness(-1, 2);
  harness.processElement(...left('k', 10));
  harness.processElement(...right('k', 10));
  const backend = harness.keyedStateBackends.get('op-1')!;
  const buffered = (name: string) => [...backend.getKeys(name, VoidNamespace)];
  t.same([buffered('LEFT_BUFFER'), buffered('RIGHT_BUFFER')], [['k'], ['k']]);
  // A right record at 12 may still join the left one at 10; a left record at 9 the right one at 10.
  harness.processWatermark(9, { input: 1 });
  harness.processWatermark(9, { input: 2 });
  harness.processElement(...left('k', 9));
  harness.processWatermark(11, { input: 1 });
  harness.processWatermark(11, { input: 2 });
  t.same([buffered('LEFT_BUFFER'), buffered('RIGHT_BUFFER')], [['k'], []], 'the right record at 10 is gone at watermark 11 (last left partner: 11)');
  harness.processElement(...right('k', 12));
  harness.processWatermark(12, { input: 1 });
  harness.processWatermark(12, { input: 2 });
  t.same(buffered('LEFT_BUFFER'), [], 'the left records at 9 and 10 are gone at watermark 12');
  t.same(harness.output.values, ['10:10', '9:10', '10:12']);
  await harness.finishAndClose();
});

t.test('a record behind the watermark is late and dropped; watermarks go on as the minimum of both inputs', async (t) => {
  const harness = await intervalJoinHarness(-5, 5);
  harness.processElement(...left('k', 20));
  harness.processWatermark(15, { input: 1 });
  harness.processWatermark(18, { input: 2 });
  harness.processElement(...right('k', 14));
  harness.processElement(...right('k', 16));
  t.same(harness.output.values, ['20:16']);
  t.same(harness.output.watermarks, [15]);
  await harness.finishAndClose();
});

t.test('late records go to their input\'s late-data side output when one is set', async (t) => {
  const operator = new IntervalJoinOperator<string, Event, Event, string>(-5, 5, true, true, new PairTimestamps(), { right: new OutputTag<Event>('late-right') });
  const harness = await OperatorTestHarness.forOperators<string>([operator], { channels: [1, 1], keySelector: byKey, keySelector2: byKey }).open();
  harness.processWatermark(15, { input: 1 });
  harness.processWatermark(15, { input: 2 });
  harness.processElement(...left('k', 14));
  harness.processElement(...right('k', 13));
  harness.processElement(...right('k', 15));
  t.same(harness.output.emitted.filter((e) => !('watermark' in e)), [{ side: 'late-right', record: { key: 'k', ts: 13 }, timestamp: 13 }], 'the late left record is dropped, the late right one goes to its side output');
  t.equal(operator.numLateRecordsDropped, 1, 'the dropped one is counted');
  await harness.finishAndClose();
});

t.test('the function may emit to a side output, with the pair\'s timestamp', async (t) => {
  const late = new OutputTag<string>('far');
  const operator = new IntervalJoinOperator<string, Event, Event, string>(-10, 10, true, true, {
    processElement(l, r, ctx, out) {
      if (Math.abs(l.ts - r.ts) > 5) ctx.output(late, `${l.ts}~${r.ts}`);
      else out.collect(`${l.ts}:${r.ts}`);
    },
  });
  const harness = await OperatorTestHarness.forOperators<string>([operator], { channels: [1, 1], keySelector: byKey, keySelector2: byKey }).open();
  harness.processElement(...left('k', 1));
  harness.processElement(...right('k', 3));
  harness.processElement(...right('k', 9));
  t.same(harness.output.emitted, [{ record: '1:3', timestamp: 3 }, { side: 'far', record: '1~9', timestamp: 9 }]);
  await harness.finishAndClose();
});

t.test('a record without a timestamp fails, naming the operator and the input', async (t) => {
  const harness = await intervalJoinHarness(-1, 1);
  t.throws(() => harness.processElement({ key: 'k', ts: 0 }, undefined, { input: 2 }), { message: /^operator "IntervalJoinOperator" in IntervalJoinOperator \(1\/1\): a right record has no timestamp/ });
  await harness.close();
});

t.test('keyedA.intervalJoin(keyedB).between(lower, upper).process(fn) joins equal keys within the bounds', async (t) => {
  const env = StreamExecutionEnvironment.getExecutionEnvironment();
  const orders = env.addSource(new TimestampedSource([{ key: 'a', ts: 100 }, { key: 'b', ts: 100 }, { key: 'a', ts: 300 }], (e) => e.ts));
  const payments = env.addSource(new TimestampedSource([{ key: 'a', ts: 150 }, { key: 'b', ts: 350 }, { key: 'a', ts: 390 }], (e) => e.ts));
  const latePayments = new OutputTag<Event>('late-payments');
  const joinedStream = orders.keyBy((e) => e.key)
    .intervalJoin(payments.keyBy((e) => e.key))
    .between(Time.milliseconds(0), Time.milliseconds(100))
    .upperBoundExclusive()
    .sideOutputRightLateData(latePayments)
    .process<string>((order, payment, ctx, out) => out.collect(`${order.key}:${order.ts}-${payment.ts}@${ctx.getTimestamp()}`));
  const joined = collectInto(joinedStream);
  const late = collectInto(joinedStream.getSideOutput(latePayments));
  await runInMemory(env.getStreamGraph());
  t.same(joined.sort(), ['a:100-150@150', 'a:300-390@390']);
  t.same(late, [], 'nothing is late: the sources emit no watermark before they end');
});

t.test('an interval join in processing time, or with bounds that leave no interval, fails while the graph is built', async (t) => {
  const env = StreamExecutionEnvironment.getExecutionEnvironment();
  const a = env.fromElements<Event>({ key: 'a', ts: 1 }).keyBy(byKey);
  const b = env.fromElements<Event>({ key: 'a', ts: 1 }).keyBy(byKey);
  t.throws(() => a.intervalJoin(b).inProcessingTime().between(Time.seconds(-1), Time.seconds(1)), { message: /: Time-bounded stream joins are only supported in event time$/ });
  t.throws(() => a.intervalJoin(b).between(Time.milliseconds(0), Time.milliseconds(0)).lowerBoundExclusive().process(new PairTimestamps()), {
    message: /^interval join of .*: the bounds 0 ms \(exclusive\) to 0 ms \(inclusive\) leave no interval$/,
  });
});
