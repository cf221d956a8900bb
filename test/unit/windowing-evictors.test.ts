// CountEvictor, TimeEvictor and DeltaEvictor on exact element lists (after Flink's
// CountEvictorTest, TimeEvictorTest and DeltaEvictorTest), before and after the function.
import t from 'tap';
import { Time } from '../../lib/api/time.ts';
import { CountEvictor } from '../../lib/windowing/evictors/count-evictor.ts';
import { DeltaEvictor } from '../../lib/windowing/evictors/delta-evictor.ts';
import type { Evictor, EvictorContext } from '../../lib/windowing/evictors/evictor.ts';
import { TimeEvictor } from '../../lib/windowing/evictors/time-evictor.ts';
import { TimestampedValue } from '../../lib/windowing/evictors/timestamped-value.ts';
import { GlobalWindow } from '../../lib/windowing/windows/global-window.ts';

const context: EvictorContext = { getCurrentProcessingTime: () => 0, getCurrentWatermark: () => 0 };
const window = GlobalWindow.get();
const elements = (values: Array<[number, number?]>) => values.map(([value, timestamp]) => new TimestampedValue(value, timestamp));
/** Called as the operator calls it: through the Evictor interface. */
const asEvictor = (e: Evictor<any, GlobalWindow>): Evictor<number, GlobalWindow> => e;
const values = (list: TimestampedValue<number>[]) => list.map((element) => element.value);

t.test('CountEvictor keeps the last n; evicts before the function, or after it with doEvictAfter', async (t) => {
  const before = elements([[1, 1], [2, 2], [3, 3], [4, 4], [5, 5]]);
  asEvictor(CountEvictor.of(3)).evictBefore(before, before.length, window, context);
  t.same(values(before), [3, 4, 5]);
  const notAfter = elements([[1], [2], [3]]);
  asEvictor(CountEvictor.of(1)).evictAfter(notAfter, 3, window, context);
  t.same(values(notAfter), [1, 2, 3], 'a before-evictor does nothing after');
  const after = elements([[1], [2], [3]]);
  const evictAfter = asEvictor(CountEvictor.of(1, true));
  evictAfter.evictBefore(after, 3, window, context);
  t.same(values(after), [1, 2, 3]);
  evictAfter.evictAfter(after, 3, window, context);
  t.same(values(after), [3]);
  const few = elements([[1], [2]]);
  asEvictor(CountEvictor.of(5)).evictBefore(few, 2, window, context);
  t.same(values(few), [1, 2]);
});

t.test('TimeEvictor keeps elements within the window size of the latest timestamp (the cutoff itself goes)', async (t) => {
  const list = elements([[1, 1000], [2, 4000], [3, 3000], [4, 6000], [5, 2000]]);
  asEvictor(TimeEvictor.of(Time.milliseconds(3000))).evictBefore(list, list.length, window, context);
  t.same(values(list), [2, 4], 'latest 6000: cutoff 3000, elements at or before it evicted, order kept');
  const untimed = elements([[1], [2]]);
  asEvictor(TimeEvictor.of(Time.milliseconds(1))).evictBefore(untimed, 2, window, context);
  t.same(values(untimed), [1, 2], 'elements without timestamps are not evicted by time');
  const after = elements([[1, 1000], [2, 2500]]);
  asEvictor(TimeEvictor.of(Time.milliseconds(1000), true)).evictAfter(after, 2, window, context);
  t.same(values(after), [2]);
});

t.test('DeltaEvictor evicts elements whose delta to the last element reaches the threshold', async (t) => {
  const list = elements([[1], [8], [5], [9], [10]]);
  asEvictor(DeltaEvictor.of(5, (a: number, b: number) => Math.abs(a - b))).evictBefore(list, list.length, window, context);
  t.same(values(list), [8, 9, 10]);
  const after = elements([[1], [10]]);
  const delta = asEvictor(DeltaEvictor.of(2, { getDelta: (a: number, b: number) => b - a }, true));
  delta.evictBefore(after, 2, window, context);
  t.same(values(after), [1, 10]);
  delta.evictAfter(after, 2, window, context);
  t.same(values(after), [10]);
});
