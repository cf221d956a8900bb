// The WindowOperator through the operator test harness, after Flink's WindowOperatorTest:
// records with timestamps and watermarks in, exact records (value@timestamp) and watermarks
// out. As in Flink's tests, records emitted between two watermarks are compared sorted.
import t from 'tap';
import { Packr } from 'msgpackr';
import { assignToKeyGroup } from '../../lib/exchange/key-groups.ts';
import type { KeyGroupStateSnapshot } from '../../lib/state/key-group-state-snapshot.ts';
import type { Collector } from '../../lib/functions/functions.ts';
import { OutputTag } from '../../lib/functions/output-tag.ts';
import { ProcessWindowFunction, type ProcessWindowFunctionContext } from '../../lib/functions/process-window-function.ts';
import { ValueStateDescriptor } from '../../lib/state/value-state-descriptor.ts';
import { EvictingWindowOperator } from '../../lib/operators/windowing/evicting-window-operator.ts';
import { PassThroughWindowFunction, ReduceApplyProcessWindowFunction } from '../../lib/operators/windowing/internal-window-functions.ts';
import { aggregatingAccumulation, listAccumulation, reducingAccumulation } from '../../lib/operators/windowing/window-contents.ts';
import { WindowOperator } from '../../lib/operators/windowing/window-operator.ts';
import { EventTimeSessionWindows } from '../../lib/windowing/assigners/event-time-session-windows.ts';
import { GlobalWindows } from '../../lib/windowing/assigners/global-windows.ts';
import { ProcessingTimeSessionWindows } from '../../lib/windowing/assigners/processing-time-session-windows.ts';
import { SlidingEventTimeWindows } from '../../lib/windowing/assigners/sliding-event-time-windows.ts';
import { TumblingEventTimeWindows } from '../../lib/windowing/assigners/tumbling-event-time-windows.ts';
import { TumblingProcessingTimeWindows } from '../../lib/windowing/assigners/tumbling-processing-time-windows.ts';
import type { WindowAssigner } from '../../lib/windowing/assigners/window-assigner.ts';
import { CountEvictor } from '../../lib/windowing/evictors/count-evictor.ts';
import { ContinuousEventTimeTrigger } from '../../lib/windowing/triggers/continuous-event-time-trigger.ts';
import { ContinuousProcessingTimeTrigger } from '../../lib/windowing/triggers/continuous-processing-time-trigger.ts';
import { CountTrigger } from '../../lib/windowing/triggers/count-trigger.ts';
import { EventTimeTrigger } from '../../lib/windowing/triggers/event-time-trigger.ts';
import { PurgingTrigger } from '../../lib/windowing/triggers/purging-trigger.ts';
import { Trigger, type TriggerContext } from '../../lib/windowing/triggers/trigger.ts';
import { TriggerResult } from '../../lib/windowing/triggers/trigger-result.ts';
import { TimeWindow } from '../../lib/windowing/windows/time-window.ts';
import type { Window } from '../../lib/windowing/windows/window.ts';
import { Time } from '../../lib/api/time.ts';
import { OperatorTestHarness } from './helpers/operator-test-harness.ts';

type Pair = [string, number];
const sum = { reduce: (a: Pair, b: Pair): Pair => [a[0], a[1] + b[1]] };

async function harness(operator: WindowOperator<any, any, any, unknown, any>): Promise<OperatorTestHarness<unknown>> {
  return OperatorTestHarness.forOperators<unknown>([operator], { keySelector: (value: Pair) => value[0] }).open();
}

function reduceOperator<W extends Window>(windowAssigner: WindowAssigner<Pair, W>, options: { trigger?: Trigger<Pair, W>; allowedLateness?: number; lateDataOutputTag?: OutputTag<Pair> } = {}) {
  return new WindowOperator(
    { windowAssigner, accumulation: reducingAccumulation(sum), trigger: options.trigger ?? windowAssigner.getDefaultTrigger(), allowedLateness: options.allowedLateness ?? 0, ...(options.lateDataOutputTag ? { lateDataOutputTag: options.lateDataOutputTag } : {}) },
    new PassThroughWindowFunction<Pair>(),
  );
}

/** What left the operator since the last call: `value@timestamp`, `W<watermark>`, `side:<tag>:value@timestamp`; records between watermarks sorted. */
function drain(h: OperatorTestHarness<unknown>): string[] {
  const out: string[] = [];
  let segment: string[] = [];
  for (const e of h.output.emitted.splice(0)) {
    if ('watermark' in e) {
      out.push(...segment.sort(), `W${e.watermark}`);
      segment = [];
    } else if ('side' in e) segment.push(`side:${e.side}:${JSON.stringify(e.record)}@${e.timestamp}`);
    else if ('record' in e) segment.push(`${JSON.stringify(e.record)}@${e.timestamp}`);
  }
  return [...out, ...segment.sort()];
}

/** The records that left the operator since the last call, in order. */
function records(h: OperatorTestHarness<unknown>): unknown[] {
  return h.output.emitted.splice(0).flatMap((e) => ('record' in e && !('side' in e) ? [e.record] : []));
}

const r = (key: string, n: number, ts: number): string => `${JSON.stringify([key, n])}@${ts}`;

function feed(h: OperatorTestHarness<unknown>, records: Array<[string, number, number]>): void {
  for (const [key, n, ts] of records) h.processElement([key, n], ts);
}

const flinkInput: Array<[string, number, number]> = [
  ['key2', 1, 3999], ['key2', 1, 3000], ['key1', 1, 20], ['key1', 1, 0], ['key1', 1, 999], ['key2', 1, 1998], ['key2', 1, 1999], ['key2', 1, 1000],
];

t.test('sliding event-time windows with reduce (WindowOperatorTest.testSlidingEventTimeWindowsReduce)', async (t) => {
  const h = await harness(reduceOperator(SlidingEventTimeWindows.of(Time.seconds(3), Time.seconds(1))));
  feed(h, flinkInput);
  const fired = (wm: number): string[] => (h.processWatermark(wm), drain(h));
  t.same(fired(999), [r('key1', 3, 999), 'W999']);
  t.same(fired(1999), [r('key1', 3, 1999), r('key2', 3, 1999), 'W1999']);
  t.same(fired(2999), [r('key1', 3, 2999), r('key2', 3, 2999), 'W2999']);
  t.same(fired(3999), [r('key2', 5, 3999), 'W3999']);
  t.same(fired(4999), [r('key2', 2, 4999), 'W4999']);
  t.same(fired(5999), [r('key2', 2, 5999), 'W5999']);
  t.same(fired(6999), ['W6999']);
  await h.finishAndClose();
});

t.test('tumbling event-time windows with reduce (WindowOperatorTest.testTumblingEventTimeWindowsReduce)', async (t) => {
  const h = await harness(reduceOperator(TumblingEventTimeWindows.of(Time.seconds(3))));
  feed(h, flinkInput);
  const fired = (wm: number): string[] => (h.processWatermark(wm), drain(h));
  t.same(fired(999), ['W999']);
  t.same(fired(1999), ['W1999']);
  t.same(fired(2999), [r('key1', 3, 2999), r('key2', 3, 2999), 'W2999']);
  t.same(fired(3999), ['W3999']);
  t.same(fired(4999), ['W4999']);
  t.same(fired(5999), [r('key2', 2, 5999), 'W5999']);
  await h.finishAndClose();
});

t.test("a window's end is exclusive and it fires when the watermark reaches end - 1", async (t) => {
  const h = await harness(reduceOperator(TumblingEventTimeWindows.of(Time.seconds(1))));
  feed(h, [['k', 1, 999], ['k', 10, 1000], ['k', 100, 0]]);
  h.processWatermark(998);
  t.same(drain(h), ['W998']);
  h.processWatermark(999);
  t.same(drain(h), [r('k', 101, 999), 'W999']);
  h.processWatermark(1999);
  t.same(drain(h), [r('k', 10, 1999), 'W1999']);
  await h.finishAndClose();
});

/** Flink's SessionWindowFunction: [key-sum, start, end]. */
class SessionWindowFunction extends ProcessWindowFunction<Pair, [string, number, number], string, TimeWindow> {
  process(key: string, context: ProcessWindowFunctionContext<TimeWindow>, elements: Iterable<Pair>, out: Collector<[string, number, number]>): void {
    let total = 0;
    for (const [, n] of elements) total += n;
    out.collect([`${key}-${total}`, context.window().start, context.window().end]);
  }
}

function sessionOperator(allowedLateness = 0, lateDataOutputTag?: OutputTag<Pair>) {
  const windowAssigner = EventTimeSessionWindows.withGap(Time.seconds(3));
  return new WindowOperator(
    { windowAssigner, accumulation: listAccumulation<Pair>(), trigger: windowAssigner.getDefaultTrigger(), allowedLateness, ...(lateDataOutputTag ? { lateDataOutputTag } : {}) },
    new SessionWindowFunction(),
  );
}

t.test('session windows merge (WindowOperatorTest.testSessionWindows)', async (t) => {
  const h = await harness(sessionOperator());
  feed(h, [['key2', 1, 0], ['key2', 2, 1000], ['key2', 3, 2500], ['key1', 1, 10], ['key1', 2, 1000], ['key1', 3, 2500], ['key2', 4, 5501], ['key2', 5, 6000], ['key2', 5, 6000], ['key2', 6, 6050]]);
  h.processWatermark(12000);
  t.same(drain(h), ['["key1-6",10,5500]@5499', '["key2-20",5501,9050]@9049', '["key2-6",0,5500]@5499', 'W12000']);
  // Late elements that form a new session of their own.
  feed(h, [['key2', 10, 15000], ['key2', 20, 15000]]);
  h.processWatermark(17999);
  t.same(drain(h), ['["key2-30",15000,18000]@17999', 'W17999']);
  await h.finishAndClose();
});

t.test('a late element within the allowed lateness bridges two sessions: the merged session fires again with everything', async (t) => {
  const late = new OutputTag<Pair>('late');
  const operator = sessionOperator(1000, late);
  const h = await harness(operator);
  feed(h, [['k', 1, 0], ['k', 2, 5000]]);
  h.processWatermark(3000);
  t.same(drain(h), ['["k-1",0,3000]@2999', 'W3000']);
  // [2800, 5800) overlaps [0, 3000), still kept for lateness until 3999, and [5000, 8000).
  feed(h, [['k', 4, 2800]]);
  t.same(drain(h), []);
  h.processWatermark(8000);
  t.same(drain(h), ['["k-7",0,8000]@7999', 'W8000']);
  h.processWatermark(9000);
  t.same(drain(h), ['W9000']);
  // Beyond the allowed lateness: to the side output.
  feed(h, [['k', 8, 100]]);
  t.same(drain(h), ['side:late:["k",8]@100']);
  t.equal(operator.numLateRecordsDropped, 0);
  await h.finishAndClose();
});

t.test('lateness: a late firing updates the result, elements beyond it go to the side output (WindowOperatorTest.testLateness)', async (t) => {
  const late = new OutputTag<Pair>('late-data');
  const operator = reduceOperator(TumblingEventTimeWindows.of(Time.seconds(2)), { trigger: PurgingTrigger.of(EventTimeTrigger.create()), allowedLateness: 500, lateDataOutputTag: late });
  const h = await harness(operator);
  feed(h, [['key2', 1, 500]]);
  h.processWatermark(1500);
  t.same(drain(h), ['W1500']);
  feed(h, [['key2', 1, 1300]]);
  h.processWatermark(2300);
  t.same(drain(h), [r('key2', 2, 1999), 'W2300']);
  // Late, but within the lateness: the window fires at once (1 and not 3: the trigger purged).
  feed(h, [['key2', 1, 1997]]);
  h.processWatermark(6000);
  t.same(drain(h), [r('key2', 1, 1999), 'W6000']);
  // Beyond the lateness.
  feed(h, [['key2', 1, 1998]]);
  h.processWatermark(7000);
  t.same(drain(h), ['side:late-data:["key2",1]@1998', 'W7000']);
  t.equal(operator.numLateRecordsDropped, 0);
  await h.finishAndClose();
});

t.test('a late record with no side output is dropped and counted in numLateRecordsDropped', async (t) => {
  const operator = reduceOperator(TumblingEventTimeWindows.of(Time.seconds(2)));
  const h = await harness(operator);
  feed(h, [['k', 1, 100]]);
  h.processWatermark(1999);
  t.same(drain(h), [r('k', 1, 1999), 'W1999']);
  feed(h, [['k', 5, 1500], ['k', 7, 0], ['k', 2, 2000]]);
  t.equal(operator.numLateRecordsDropped, 2);
  h.processWatermark(3999);
  t.same(drain(h), [r('k', 2, 3999), 'W3999']);
  await h.finishAndClose();
});

t.test('count windows: GlobalWindows with a purging CountTrigger fire every n elements of a key, at +Infinity', async (t) => {
  const h = await harness(reduceOperator(GlobalWindows.create() as WindowAssigner<Pair, Window>, { trigger: PurgingTrigger.of(CountTrigger.of(3)) }));
  feed(h, [['a', 1, 1], ['b', 10, 2], ['a', 2, 3], ['a', 3, 4], ['b', 20, 5], ['a', 4, 6], ['b', 30, 7]]);
  t.same(drain(h), [r('a', 6, Infinity), r('b', 60, Infinity)]);
  h.processWatermark(Infinity);
  t.same(drain(h), ['WInfinity']);
  await h.finishAndClose();
});

t.test('sliding count windows: a CountEvictor keeps the last n, a CountTrigger fires every m (countWindow(3, 2))', async (t) => {
  const operator = new EvictingWindowOperator<Pair, Pair, Window>(
    { windowAssigner: GlobalWindows.create() as WindowAssigner<Pair, Window>, trigger: CountTrigger.of(2), allowedLateness: 0 },
    CountEvictor.of(3),
    new ReduceApplyProcessWindowFunction(sum, new PassThroughWindowFunction<Pair>()),
  );
  const h = await harness(operator);
  feed(h, [['k', 1, 1], ['k', 2, 2], ['k', 3, 3], ['k', 4, 4], ['k', 5, 5], ['k', 6, 6]]);
  // 1+2, then 2+3+4, then 4+5+6.
  t.same(h.output.values, [['k', 3], ['k', 9], ['k', 15]]);
  await h.finishAndClose();
});

t.test('an evictor before the function: CountEvictor.of(2) leaves the last two elements of the window', async (t) => {
  const operator = new EvictingWindowOperator<Pair, Pair, TimeWindow>(
    { windowAssigner: TumblingEventTimeWindows.of(Time.seconds(1)), trigger: EventTimeTrigger.create(), allowedLateness: 0 },
    CountEvictor.of(2),
    new ReduceApplyProcessWindowFunction(sum, new PassThroughWindowFunction<Pair>()),
  );
  const h = await harness(operator);
  feed(h, [['k', 1, 10], ['k', 2, 20], ['k', 4, 30], ['k', 8, 1500]]);
  h.processWatermark(1999);
  t.same(drain(h), [r('k', 6, 999), r('k', 8, 1999), 'W1999']);
  await h.finishAndClose();
});

t.test('ContinuousEventTimeTrigger fires every interval of event time, and at the end of the window', async (t) => {
  const h = await harness(reduceOperator(TumblingEventTimeWindows.of(Time.seconds(10)), { trigger: ContinuousEventTimeTrigger.of(Time.seconds(3)) }));
  feed(h, [['k', 1, 1000], ['k', 2, 4000]]);
  h.processWatermark(2999);
  t.same(drain(h), ['W2999']);
  h.processWatermark(3000);
  t.same(drain(h), [r('k', 3, 9999), 'W3000']);
  feed(h, [['k', 4, 7000]]);
  h.processWatermark(6500);
  t.same(drain(h), [r('k', 7, 9999), 'W6500']);
  h.processWatermark(9999);
  t.same(drain(h), [r('k', 7, 9999), r('k', 7, 9999), 'W9999']);
  h.processWatermark(20000);
  t.same(drain(h), ['W20000']);
  await h.finishAndClose();
});

/** Fires on every element with value >= 100, purges on value 0, fires and purges on -1. */
class ThresholdTrigger extends Trigger<Pair, Window> {
  onElement([, n]: Pair): TriggerResult {
    if (n >= 100) return TriggerResult.FIRE;
    if (n === 0) return TriggerResult.PURGE;
    if (n === -1) return TriggerResult.FIRE_AND_PURGE;
    return TriggerResult.CONTINUE;
  }

  onEventTime(): TriggerResult {
    return TriggerResult.CONTINUE;
  }

  onProcessingTime(): TriggerResult {
    return TriggerResult.CONTINUE;
  }

  clear(_window: Window, _ctx: TriggerContext): void {}
}

t.test('a custom trigger: CONTINUE, FIRE, PURGE and FIRE_AND_PURGE', async (t) => {
  const h = await harness(reduceOperator(GlobalWindows.create() as WindowAssigner<Pair, Window>, { trigger: new ThresholdTrigger() }));
  feed(h, [['k', 1, 1], ['k', 100, 2], ['k', 2, 3], ['k', 0, 4], ['k', 5, 5], ['k', 100, 6], ['k', -1, 7], ['k', 100, 8]]);
  t.same(h.output.values, [['k', 101], ['k', 105], ['k', 104], ['k', 100]]);
  await h.finishAndClose();
});

/** Counts firings per window (window state) and per key (global state); clears the window's count when the window goes. */
class FiringCounter extends ProcessWindowFunction<number, string, string, TimeWindow> {
  private readonly perWindow = new ValueStateDescriptor<number>('window-firings', 0);
  private readonly perKey = new ValueStateDescriptor<number>('key-firings', 0);

  process(key: string, context: ProcessWindowFunctionContext<TimeWindow>, elements: Iterable<number>, out: Collector<string>): void {
    const inWindow = context.windowState().getState(this.perWindow);
    const inKey = context.globalState().getState(this.perKey);
    inWindow.update(inWindow.value()! + 1);
    inKey.update(inKey.value()! + 1);
    out.collect(`${key} ${context.window().start} avg=${[...elements][0]} firing ${inWindow.value()} of window, ${inKey.value()} of key, wm ${context.currentWatermark()}`);
  }

  override clear(context: ProcessWindowFunctionContext<TimeWindow>): void {
    context.windowState().getState(this.perWindow).clear();
  }
}

t.test('aggregate with a ProcessWindowFunction: window state, global state, current watermark, late firings', async (t) => {
  const average = {
    createAccumulator: (): [number, number] => [0, 0],
    add: ([, n]: Pair, [total, count]: [number, number]): [number, number] => [total + n, count + 1],
    getResult: ([total, count]: [number, number]): number => total / count,
    merge: (a: [number, number], b: [number, number]): [number, number] => [a[0] + b[0], a[1] + b[1]],
  };
  const windowAssigner = TumblingEventTimeWindows.of(Time.seconds(1));
  const operator = new WindowOperator({ windowAssigner, accumulation: aggregatingAccumulation(average), trigger: windowAssigner.getDefaultTrigger(), allowedLateness: 1000 }, new FiringCounter());
  const h = await harness(operator as unknown as WindowOperator<Pair, any, any, unknown, any>);
  feed(h, [['k', 2, 100], ['k', 4, 200], ['k', 9, 1100]]);
  h.processWatermark(1000);
  t.same(records(h), ['k 0 avg=3 firing 1 of window, 1 of key, wm 1000']);
  feed(h, [['k', 9, 300]]);
  t.same(records(h), ['k 0 avg=5 firing 2 of window, 2 of key, wm 1000']);
  h.processWatermark(2500);
  t.same(records(h), ['k 1000 avg=9 firing 1 of window, 3 of key, wm 2500']);
  t.same([...h.keyedStateBackends.get('op-1')!.getKeys('window-firings', { start: 0, end: 1000 })], [], "the first window's count was cleared with the window");
  await h.finishAndClose();
});

/** Waits (in the mailbox's own time, where processing-time timers fire) until the operator emitted `count` records. */
async function untilEmitted(h: OperatorTestHarness<unknown>, count: number): Promise<void> {
  while (h.output.values.length < count) await new Promise((resolve) => setTimeout(resolve, 5));
}

t.test('processing-time windows fire by the clock: ProcessingTimeTrigger at end - 1, sessions merge', async (t) => {
  const tumbling = await harness(reduceOperator(TumblingProcessingTimeWindows.of(Time.milliseconds(20))));
  const before = Date.now();
  feed(tumbling, [['a', 1, 0], ['b', 2, 0]]);
  await untilEmitted(tumbling, 2);
  const emitted = tumbling.output.emitted.flatMap((e) => ('record' in e ? [e] : []));
  t.same(emitted.map((e) => e.record).sort(), [['a', 1], ['b', 2]]);
  for (const { timestamp } of emitted) t.ok(timestamp! % 20 === 19 && timestamp! >= before, `stamped with the end - 1 of a window of the clock (${timestamp})`);
  t.ok(Date.now() >= emitted[0]!.timestamp!, 'fired once the clock reached it');
  await tumbling.finishAndClose();

  const windowAssigner = ProcessingTimeSessionWindows.withGap(Time.milliseconds(30));
  const sessions = await harness(new WindowOperator({ windowAssigner, accumulation: listAccumulation<Pair>(), trigger: windowAssigner.getDefaultTrigger(), allowedLateness: 0 }, new SessionWindowFunction()));
  feed(sessions, [['k', 1, 0], ['k', 2, 0], ['k', 3, 0]]);
  await untilEmitted(sessions, 1);
  const [[label, start, end]] = sessions.output.values as Array<[string, number, number]>;
  t.equal(label, 'k-6', 'one session with all three elements');
  t.ok(end - start >= 30, `the session spans at least the gap (${start}..${end})`);
  await sessions.finishAndClose();
});

t.test('ContinuousProcessingTimeTrigger fires a window again every interval', async (t) => {
  const h = await harness(reduceOperator(GlobalWindows.create() as WindowAssigner<Pair, Window>, { trigger: ContinuousProcessingTimeTrigger.of(Time.milliseconds(10)) }));
  feed(h, [['k', 1, 0], ['k', 2, 0]]);
  await untilEmitted(h, 2);
  t.same(h.output.values.slice(0, 2), [['k', 3], ['k', 3]]);
  await h.finishAndClose();
});

t.test('a CountTrigger on session windows merges its counts when a late element bridges two sessions', async (t) => {
  const windowAssigner = EventTimeSessionWindows.withGap(Time.seconds(3));
  const h = await harness(new WindowOperator({ windowAssigner, accumulation: listAccumulation<Pair>(), trigger: CountTrigger.of(3), allowedLateness: 0 }, new SessionWindowFunction()));
  feed(h, [['k', 1, 0], ['k', 2, 5000]]);
  t.same(drain(h), [], 'one element in each session');
  // [2500, 5500) joins [0, 3000) and [5000, 8000): 1 + 1 counted before, this one makes 3.
  feed(h, [['k', 4, 2500]]);
  t.same(drain(h), ['["k-7",0,8000]@7999']);
  feed(h, [['k', 8, 7000], ['k', 16, 7500]]);
  t.same(drain(h), [], 'the count started again after firing');
  feed(h, [['k', 32, 1000]]);
  t.same(drain(h), ['["k-63",0,10500]@10499'], 'the session grew to 10500 with the element at 7500');
  await h.finishAndClose();
});

t.test('session windows with a dynamic gap per element (WindowOperatorTest.testDynamicEventTimeSessionWindows)', async (t) => {
  const windowAssigner = EventTimeSessionWindows.withDynamicGap((element: Pair) => element[1] * 1000);
  const h = await harness(new WindowOperator({ windowAssigner, accumulation: listAccumulation<Pair>(), trigger: windowAssigner.getDefaultTrigger(), allowedLateness: 0 }, new SessionWindowFunction()));
  // [0, 1000) and [500, 3500) merge; [4000, 5000) stays apart.
  feed(h, [['k', 1, 0], ['k', 3, 500], ['k', 1, 4000]]);
  h.processWatermark(10000);
  t.same(drain(h), ['["k-1",4000,5000]@4999', '["k-4",0,3500]@3499', 'W10000']);
  await h.finishAndClose();
});

t.test("a window operator's windows are keyed state of their key group: contents and session mapping survive a snapshot", async (t) => {
  const h = await harness(sessionOperator());
  feed(h, [['k', 1, 0], ['k', 2, 5000], ['k', 4, 2500], ['j', 8, 100]]);
  const backend = h.keyedStateBackends.get('op-1')!;
  const keyGroup = assignToKeyGroup('k', 128);
  const packr = new Packr({ useRecords: true, moreTypes: true });
  const snapshot = packr.unpack(packr.pack((await backend.snapshot()).find((taken) => taken.keyGroup === keyGroup))) as KeyGroupStateSnapshot;
  const states = new Map(snapshot.states.map((state) => [state.name, state.entries]));
  t.same([...states.keys()].sort(), ['merging-window-set', 'window-contents']);
  const [[key, stateWindow, contents]] = states.get('window-contents')! as Array<[string, TimeWindow, Pair[]]>;
  t.equal(key, 'k');
  t.ok(stateWindow instanceof TimeWindow, 'the namespace comes back as a TimeWindow');
  t.same(contents, [['k', 1], ['k', 2], ['k', 4]], 'the merged contents under one state window, the bridging element added after the merge');
  const [[, , mapping]] = states.get('merging-window-set')! as Array<[string, null, Array<[TimeWindow, TimeWindow]>]>;
  t.same(mapping.map(([window, inState]) => `${window} -> ${inState}`), [`TimeWindow{start=0, end=8000} -> ${stateWindow}`]);
  await h.finishAndClose();
});
