// Window assigners, TimeWindow arithmetic and the MergingWindowSet, after Flink's
// TumblingEventTimeWindowsTest, SlidingEventTimeWindowsTest, EventTimeSessionWindowsTest,
// TimeWindowTest and MergingWindowSetTest: exact windows for exact timestamps.
import t from 'tap';
import { Packr } from 'msgpackr';
import { decodeMessage, encodeBatch } from '../../lib/exchange/codec.ts';
import { Time } from '../../lib/api/time.ts';
import { HeapKeyedStateBackend } from '../../lib/state/heap/heap-keyed-state-backend.ts';
import { ValueStateDescriptor } from '../../lib/state/value-state-descriptor.ts';
import { VoidNamespace } from '../../lib/state/void-namespace.ts';
import { MergingWindowSet, type MergingWindowMapping } from '../../lib/operators/windowing/merging-window-set.ts';
import { EventTimeSessionWindows } from '../../lib/windowing/assigners/event-time-session-windows.ts';
import { GlobalWindows } from '../../lib/windowing/assigners/global-windows.ts';
import { ProcessingTimeSessionWindows } from '../../lib/windowing/assigners/processing-time-session-windows.ts';
import { SlidingEventTimeWindows } from '../../lib/windowing/assigners/sliding-event-time-windows.ts';
import { SlidingProcessingTimeWindows } from '../../lib/windowing/assigners/sliding-processing-time-windows.ts';
import { TumblingEventTimeWindows } from '../../lib/windowing/assigners/tumbling-event-time-windows.ts';
import { TumblingProcessingTimeWindows } from '../../lib/windowing/assigners/tumbling-processing-time-windows.ts';
import type { WindowAssignerContext } from '../../lib/windowing/assigners/window-assigner.ts';
import { EventTimeTrigger } from '../../lib/windowing/triggers/event-time-trigger.ts';
import { ProcessingTimeTrigger } from '../../lib/windowing/triggers/processing-time-trigger.ts';
import { GlobalWindow } from '../../lib/windowing/windows/global-window.ts';
import { TimeWindow } from '../../lib/windowing/windows/time-window.ts';

/** The operator's clock as an assigner sees it, at a fixed time. */
const at = (now: number): WindowAssignerContext => ({ getCurrentProcessingTime: () => now });
const noClock = at(Number.NaN);
const spans = (windows: TimeWindow[]): Array<[number, number]> => windows.map((w) => [w.start, w.end]);

t.test('TimeWindow: end exclusive, maxTimestamp = end - 1, start with offset also before the epoch', async (t) => {
  const window = new TimeWindow(0, 5000);
  t.equal(window.maxTimestamp(), 4999);
  t.ok(window.intersects(new TimeWindow(5000, 6000)), 'touching windows intersect (sessions merge)');
  t.notOk(window.intersects(new TimeWindow(5001, 6000)));
  t.same(spans([window.cover(new TimeWindow(3000, 8000))]), [[0, 8000]]);
  t.equal(TimeWindow.getWindowStartWithOffset(4999, 0, 5000), 0);
  t.equal(TimeWindow.getWindowStartWithOffset(5000, 0, 5000), 5000);
  t.equal(TimeWindow.getWindowStartWithOffset(-1, 0, 5000), -5000);
  t.equal(TimeWindow.getWindowStartWithOffset(1000, 1500, 5000), -3500);
  t.equal(TimeWindow.getWindowStartWithOffset(7, -2, 5), 3);
});

t.test('tumbling event-time windows, with and without an offset', async (t) => {
  const windows = TumblingEventTimeWindows.of(Time.milliseconds(5000));
  t.same(spans(windows.assignWindows('x', 0, noClock)), [[0, 5000]]);
  t.same(spans(windows.assignWindows('x', 4999, noClock)), [[0, 5000]]);
  t.same(spans(windows.assignWindows('x', 5000, noClock)), [[5000, 10000]]);
  t.same(spans(windows.assignWindows('x', -1, noClock)), [[-5000, 0]]);
  const offset = TumblingEventTimeWindows.of(Time.milliseconds(5000), Time.milliseconds(100));
  t.same(spans(offset.assignWindows('x', 100, noClock)), [[100, 5100]]);
  t.same(spans(offset.assignWindows('x', 5099, noClock)), [[100, 5100]]);
  t.same(spans(offset.assignWindows('x', 5100, noClock)), [[5100, 10100]]);
  t.same(spans(offset.assignWindows('x', 0, noClock)), [[-4900, 100]]);
  t.ok(windows.isEventTime());
  t.ok(windows.getDefaultTrigger() instanceof EventTimeTrigger);
  t.equal(String(windows), 'TumblingEventTimeWindows(5000)');
  t.throws(() => windows.assignWindows('x', undefined, noClock), { message: /^TumblingEventTimeWindows\(5000\): the record has no timestamp/ });
});

t.test('tumbling processing-time windows take the clock, not the timestamp', async (t) => {
  const windows = TumblingProcessingTimeWindows.of(Time.milliseconds(5000));
  t.same(spans(windows.assignWindows('x', 0, at(7300))), [[5000, 10000]]);
  t.same(spans(windows.assignWindows('x', undefined, at(4999))), [[0, 5000]]);
  t.notOk(windows.isEventTime());
  t.ok(windows.getDefaultTrigger() instanceof ProcessingTimeTrigger);
});

t.test('sliding windows: every window holding the element, latest first; offsets; a slide larger than the size', async (t) => {
  const windows = SlidingEventTimeWindows.of(Time.milliseconds(5000), Time.milliseconds(1000));
  t.same(spans(windows.assignWindows('x', 0, noClock)), [[0, 5000], [-1000, 4000], [-2000, 3000], [-3000, 2000], [-4000, 1000]]);
  t.same(spans(windows.assignWindows('x', 4999, noClock)), [[4000, 9000], [3000, 8000], [2000, 7000], [1000, 6000], [0, 5000]]);
  t.same(spans(windows.assignWindows('x', 5000, noClock)), [[5000, 10000], [4000, 9000], [3000, 8000], [2000, 7000], [1000, 6000]]);
  const offset = SlidingEventTimeWindows.of(Time.milliseconds(5000), Time.milliseconds(1000), Time.milliseconds(100));
  t.same(spans(offset.assignWindows('x', 100, noClock)), [[100, 5100], [-900, 4100], [-1900, 3100], [-2900, 2100], [-3900, 1100]]);
  const sparse = SlidingEventTimeWindows.of(Time.milliseconds(1000), Time.milliseconds(5000));
  t.same(spans(sparse.assignWindows('x', 500, noClock)), [[0, 1000]]);
  t.same(spans(sparse.assignWindows('x', 1500, noClock)), [], 'between two windows: in none');
  const processing = SlidingProcessingTimeWindows.of(Time.milliseconds(2000), Time.milliseconds(1000));
  t.same(spans(processing.assignWindows('x', 0, at(2500))), [[2000, 4000], [1000, 3000]]);
  t.equal(String(windows), 'SlidingEventTimeWindows(5000, 1000)');
});

t.test('session windows: one window [t, t + gap) per element; static and dynamic gaps; merging', async (t) => {
  const sessions = EventTimeSessionWindows.withGap(Time.milliseconds(5000));
  t.same(spans(sessions.assignWindows('x', 100, noClock)), [[100, 5100]]);
  const dynamic = EventTimeSessionWindows.withDynamicGap((element: number) => element * 10);
  t.same(spans(dynamic.assignWindows(30, 100, noClock)), [[100, 400]]);
  t.throws(() => dynamic.assignWindows(0, 100, noClock), { message: 'EventTimeSessionWindows: Dynamic gap can not be less than or equal to zero: 0' });
  t.same(spans(ProcessingTimeSessionWindows.withGap(Time.seconds(1)).assignWindows('x', 5, at(2000))), [[2000, 3000]]);

  const merges: Array<[Array<[number, number]>, [number, number]]> = [];
  sessions.mergeWindows([new TimeWindow(0, 1), new TimeWindow(1, 2), new TimeWindow(2, 3), new TimeWindow(4, 5), new TimeWindow(5, 6)],
    (toBeMerged, result) => merges.push([spans(toBeMerged), [result.start, result.end]]));
  t.same(merges, [[[[0, 1], [1, 2], [2, 3]], [0, 3]], [[[4, 5], [5, 6]], [4, 6]]]);
  merges.length = 0;
  sessions.mergeWindows([new TimeWindow(0, 2), new TimeWindow(3, 4), new TimeWindow(5, 7), new TimeWindow(1, 3)], (toBeMerged, result) => merges.push([spans(toBeMerged), [result.start, result.end]]));
  t.same(merges, [[[[0, 2], [1, 3], [3, 4]], [0, 4]]], 'unsorted input; windows not touching anything are left alone');
});

t.test('global windows: one window for everything, which never ends', async (t) => {
  const windows = GlobalWindows.create();
  t.same(windows.assignWindows(), [GlobalWindow.get()]);
  t.equal(GlobalWindow.get().maxTimestamp(), Infinity);
  t.notOk(windows.isEventTime());
});

/** A MergingWindowSet on a real heap backend, for one key. */
function mergingWindowSet() {
  const backend = new HeapKeyedStateBackend<string>({ keyGroupRange: { startKeyGroup: 0, endKeyGroup: 127 }, numberOfKeyGroups: 128, description: 'test' });
  backend.setCurrentKey('k');
  const state = backend.getPartitionedState(VoidNamespace, new ValueStateDescriptor<MergingWindowMapping<TimeWindow>>('merging-window-set'));
  return { state, open: () => new MergingWindowSet(EventTimeSessionWindows.withGap(Time.milliseconds(3)), state) };
}

t.test('MergingWindowSet: state windows stay put as windows merge (MergingWindowSetTest.testIncrementalMerging)', async (t) => {
  const { state, open } = mergingWindowSet();
  const set = open();
  const merges: string[] = [];
  const record = (result: TimeWindow, merged: TimeWindow[], stateResult: TimeWindow, mergedState: TimeWindow[]) =>
    merges.push(`${spans([result])} <- ${spans(merged).join(' ')} state ${spans([stateResult])} <- ${spans(mergedState).join(' ')}`);

  t.same(spans([set.addWindow(new TimeWindow(0, 3), record)]), [[0, 3]]);
  t.same(merges, [], 'a new window merges with nothing');
  t.same(spans([set.getStateWindow(new TimeWindow(0, 3))!]), [[0, 3]]);

  // Inside the first: absorbed, nothing to merge.
  t.same(spans([set.addWindow(new TimeWindow(1, 2), record)]), [[0, 3]]);
  t.same(merges, []);

  // Extends it: the result keeps the first window's state.
  t.same(spans([set.addWindow(new TimeWindow(2, 5), record)]), [[0, 5]]);
  t.same(merges.splice(0), ['0,5 <- 0,3 state 0,3 <- ']);
  t.same(spans([set.getStateWindow(new TimeWindow(0, 5))!]), [[0, 3]]);

  // A separate window, then one that bridges both: two state windows merge into one.
  set.addWindow(new TimeWindow(7, 10), record);
  t.same(spans([set.addWindow(new TimeWindow(5, 7), record)]), [[0, 10]]);
  t.same(merges.splice(0), ['0,10 <- 0,5 7,10 state 0,3 <- 7,10']);
  t.same(spans([set.getStateWindow(new TimeWindow(0, 10))!]), [[0, 3]]);
  t.equal(set.getStateWindow(new TimeWindow(7, 10)), undefined, 'a merged-away window has no state window');

  set.persist();
  const restored = open();
  t.same(spans([restored.getStateWindow(new TimeWindow(0, 10))!]), [[0, 3]], 'the mapping lives in keyed state');
  restored.retireWindow(new TimeWindow(0, 10));
  t.throws(() => restored.retireWindow(new TimeWindow(0, 10)), { message: 'Window TimeWindow{start=0, end=10} is not in in-flight window set.' });
  restored.persist();
  t.equal(state.value(), null, 'no windows: no state');
});

t.test('windows survive msgpack, as snapshots of window state and timers encode them', async (t) => {
  const packr = new Packr({ useRecords: true, moreTypes: true });
  const decoded = packr.unpack(packr.pack({ namespace: new TimeWindow(0, 5000), mapping: [[new TimeWindow(0, 10), new TimeWindow(0, 3)]], global: GlobalWindow.get() }));
  t.ok(decoded.namespace instanceof TimeWindow);
  t.equal(decoded.namespace.maxTimestamp(), 4999);
  t.same(spans(decoded.mapping[0]), [[0, 10], [0, 3]]);
  t.equal(decoded.global, GlobalWindow.get());
  const message = decodeMessage(encodeBatch(0, [[new TimeWindow(-5, 5), 'x']], 'test'));
  t.ok('records' in message && (message.records?.[0] as [TimeWindow])[0].equals(new TimeWindow(-5, 5)), 'a record carrying a window crosses the exchange as a TimeWindow');
});
