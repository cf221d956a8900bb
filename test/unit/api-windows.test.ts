// Windows through the DataStream API, run in memory: keyBy().window() and windowAll() with
// each kind of window function, countWindow, late data to a side output, and the errors of
// bad window parameters.
import t from 'tap';
import {
  CountTrigger,
  EventTimeSessionWindows,
  EventTimeTrigger,
  GlobalWindows,
  OutputTag,
  ProcessWindowFunction,
  RichReduceFunction,
  type SingleOutputStreamOperator,
  SlidingEventTimeWindows,
  StreamExecutionEnvironment,
  Time,
  TimeWindow,
  Trigger,
  TriggerResult,
  TumblingEventTimeWindows,
  type Collector,
  type DataStream,
  type ProcessWindowFunctionContext,
  type SourceContext,
} from '../../lib/api/index.ts';
import { collectInto, runInMemory } from './helpers/run-in-memory.ts';

type Reading = [sensor: string, value: number];

/** A source emitting [reading, timestamp] pairs with their timestamps, and a watermark after each one (so later elements can be late). */
function timestamped(env: StreamExecutionEnvironment, elements: Array<[Reading, number, watermark?: number]>): SingleOutputStreamOperator<Reading> {
  const source = {
    async run(ctx: SourceContext<Reading>): Promise<void> {
      for (const [reading, timestamp, watermark] of elements) {
        await ctx.collectWithTimestamp(reading, timestamp);
        if (watermark !== undefined) ctx.emitWatermark(watermark);
      }
    },
    cancel(): void {},
  };
  return env.addSource(source, 'Timestamped Source');
}

const readings: Array<[Reading, number]> = [
  [['a', 1], 0], [['b', 10], 500], [['a', 2], 1500], [['a', 3], 2100], [['b', 20], 2900], [['a', 4], 7000], [['b', 30], 1999],
];

/** Runs the job `build` declares; returns what each of the streams it returns carried. */
async function run(build: (env: StreamExecutionEnvironment) => DataStream<any> | Array<DataStream<any>>): Promise<any[][]> {
  const env = StreamExecutionEnvironment.getExecutionEnvironment();
  const built = build(env);
  const outputs = (Array.isArray(built) ? built : [built]).map((stream) => collectInto(stream));
  await runInMemory(env.getStreamGraph());
  return outputs;
}

const sortByJson = <T>(values: T[]): T[] => [...values].sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));

t.test('tumbling windows: reduce, sum and aggregate per key; the end of input fires every window', async (t) => {
  const [reduced] = await run((env) => timestamped(env, readings).keyBy((r) => r[0]).window(TumblingEventTimeWindows.of(Time.seconds(2))).reduce((x, y) => [x[0], x[1] + y[1]]));
  t.same(sortByJson(reduced!), sortByJson([['a', 3], ['b', 40], ['a', 3], ['b', 20], ['a', 4]]));
  const [summed] = await run((env) => timestamped(env, readings).keyBy(0).window(TumblingEventTimeWindows.of(Time.seconds(2))).sum(1));
  t.same(sortByJson(summed!), sortByJson(reduced!));
  const [averages] = await run((env) =>
    timestamped(env, readings).keyBy((r) => r[0]).window(TumblingEventTimeWindows.of(Time.seconds(10))).aggregate({
      createAccumulator: () => ({ total: 0, count: 0 }),
      add: ([, value], acc) => ({ total: acc.total + value, count: acc.count + 1 }),
      getResult: (acc) => acc.total / acc.count,
      merge: (a, b) => ({ total: a.total + b.total, count: a.count + b.count }),
    }));
  t.same(sortByJson(averages!), [2.5, 20]);
});

t.test('sliding windows with a ProcessWindowFunction: every window an element falls in', async (t) => {
  class Describe extends ProcessWindowFunction<Reading, string, string, TimeWindow> {
    process(key: string, ctx: ProcessWindowFunctionContext<TimeWindow>, elements: Iterable<Reading>, out: Collector<string>): void {
      out.collect(`${key} [${ctx.window().start},${ctx.window().end}) ${[...elements].map((r) => r[1]).join('+')}`);
    }
  }
  const [described] = await run((env) => timestamped(env, [[['a', 1], 0], [['a', 2], 1500], [['a', 3], 2100]]).keyBy((r) => r[0]).window(SlidingEventTimeWindows.of(Time.seconds(2), Time.seconds(1))).process(new Describe()));
  t.same(described, ['a [-1000,1000) 1', 'a [0,2000) 1+2', 'a [1000,3000) 2+3', 'a [2000,4000) 3']);
});

t.test('session windows with reduce and a window function (a lambda)', async (t) => {
  const [sessions] = await run((env) =>
    timestamped(env, readings).keyBy((r) => r[0]).window(EventTimeSessionWindows.withGap(Time.seconds(1))).reduce(
      (x, y) => [x[0], x[1] + y[1]],
      (key: string, ctx: ProcessWindowFunctionContext<TimeWindow>, elements: Iterable<Reading>, out: Collector<string>) => out.collect(`${key}:${ctx.window().start}-${ctx.window().end}=${[...elements][0]![1]}`),
    ));
  t.same(sortByJson(sessions!), sortByJson(['a:0-1000=1', 'a:1500-3100=5', 'a:7000-8000=4', 'b:500-1500=10', 'b:1999-3900=50']));
});

t.test('apply with a WindowFunction, and windowAll over the whole stream', async (t) => {
  const [applied] = await run((env) => timestamped(env, readings).keyBy((r) => r[0]).window(TumblingEventTimeWindows.of(Time.seconds(4))).apply((key, window, input, out: Collector<string>) => out.collect(`${key}@${window.start}:${[...input].length}`)));
  t.same(sortByJson(applied!), ['a@0:3', 'a@4000:1', 'b@0:3']);
  const [all] = await run((env) => timestamped(env, readings).windowAll(TumblingEventTimeWindows.of(Time.seconds(4))).process((ctx, elements, out: Collector<string>) => out.collect(`${ctx.window().start}:${[...elements].map((r) => r[1]).join(',')}`)));
  t.same(all, ['0:1,10,2,3,20,30', '4000:4']);
});

t.test('countWindow(n) fires every n elements of a key; countWindow(n, m) every m over the last n; countWindowAll', async (t) => {
  const values: Array<[Reading, number]> = [1, 2, 3, 4, 5, 6].map((n) => [['k', n], n]);
  const [tumbling] = await run((env) => timestamped(env, values).keyBy((r) => r[0]).countWindow(2).sum(1));
  t.same(tumbling, [['k', 3], ['k', 7], ['k', 11]]);
  const [sliding] = await run((env) => timestamped(env, values).keyBy((r) => r[0]).countWindow(3, 2).sum(1));
  t.same(sliding, [['k', 3], ['k', 9], ['k', 15]]);
  const [all] = await run((env) => timestamped(env, values).countWindowAll(3).max(1));
  t.same(all, [['k', 3], ['k', 6]]);
});

t.test('sideOutputLateData: late records go to getSideOutput(tag), the results include only timely ones', async (t) => {
  const late = new OutputTag<Reading>('late-readings');
  const [sums, lateOnes] = await run((env) => {
    const windowed = timestamped(env, [[['a', 1], 100, 100], [['a', 2], 1200, 2000], [['a', 4], 900], [['a', 8], 2500]])
      .keyBy((r) => r[0]).window(TumblingEventTimeWindows.of(Time.seconds(1))).sideOutputLateData(late).sum(1);
    return [windowed, windowed.getSideOutput(late)];
  });
  t.same(sums, [['a', 1], ['a', 2], ['a', 8]]);
  t.same(lateOnes, [['a', 4]]);
});

t.test('allowedLateness: a late element within it fires the window again with the updated result', async (t) => {
  const [sums] = await run((env) =>
    timestamped(env, [[['a', 1], 100, 1500], [['a', 2], 900], [['a', 4], 800, 2000], [['a', 8], 700]])
      .keyBy((r) => r[0]).window(TumblingEventTimeWindows.of(Time.seconds(1))).allowedLateness(Time.milliseconds(1000)).sum(1));
  t.same(sums, [['a', 1], ['a', 3], ['a', 7]]);
});

t.test('bad window parameters are one-line errors', async (t) => {
  t.throws(() => TumblingEventTimeWindows.of(Time.seconds(0)), { message: 'TumblingEventTimeWindows parameters must satisfy abs(offset) < size and size > 0 (got size 0 ms, offset 0 ms)' });
  t.throws(() => TumblingEventTimeWindows.of(Time.seconds(1), Time.seconds(-1)), { message: 'TumblingEventTimeWindows parameters must satisfy abs(offset) < size and size > 0 (got size 1000 ms, offset -1000 ms)' });
  t.throws(() => SlidingEventTimeWindows.of(Time.seconds(10), Time.seconds(0)), { message: 'SlidingEventTimeWindows parameters must satisfy abs(offset) < slide and size > 0 (got size 10000 ms, slide 0 ms, offset 0 ms)' });
  t.throws(() => SlidingEventTimeWindows.of(Time.seconds(-1), Time.seconds(1)), { message: 'SlidingEventTimeWindows parameters must satisfy abs(offset) < slide and size > 0 (got size -1000 ms, slide 1000 ms, offset 0 ms)' });
  t.throws(() => SlidingEventTimeWindows.of(Time.seconds(10), Time.seconds(2), Time.seconds(2)), { message: 'SlidingEventTimeWindows parameters must satisfy abs(offset) < slide and size > 0 (got size 10000 ms, slide 2000 ms, offset 2000 ms)' });
  t.doesNotThrow(() => SlidingEventTimeWindows.of(Time.seconds(1), Time.seconds(5)), 'a slide larger than the size is legal');
  t.throws(() => EventTimeSessionWindows.withGap(Time.seconds(0)), { message: 'EventTimeSessionWindows parameters must satisfy 0 < size (got a gap of 0 ms)' });
  t.throws(() => CountTrigger.of(0), { message: 'CountTrigger.of: the count must be a positive integer (got 0)' });

  const env = StreamExecutionEnvironment.getExecutionEnvironment();
  const keyed = env.fromElements<Reading>(['a', 1]).name('Readings').keyBy((r) => r[0]);
  class OnlyEvents extends Trigger<Reading, TimeWindow> {
    onElement(): TriggerResult { return TriggerResult.CONTINUE; }
    onEventTime(): TriggerResult { return TriggerResult.FIRE; }
    onProcessingTime(): TriggerResult { return TriggerResult.CONTINUE; }
    clear(): void {}
  }
  const sourceId = 'op-1';
  t.throws(() => keyed.window(EventTimeSessionWindows.withGap(Time.seconds(1))).trigger(new OnlyEvents()), {
    message: `window EventTimeSessionWindows on operator 'Readings' (${sourceId}): A merging window assigner cannot be used with a trigger that does not support merging.`,
  });
  t.doesNotThrow(() => keyed.window(EventTimeSessionWindows.withGap(Time.seconds(1))).trigger(EventTimeTrigger.create()));
  t.throws(() => keyed.window(TumblingEventTimeWindows.of(Time.seconds(1))).allowedLateness(Time.seconds(-1)), {
    message: `window TumblingEventTimeWindows(1000) on operator 'Readings' (${sourceId}): The allowed lateness cannot be negative.`,
  });
  class Rich extends RichReduceFunction<Reading> {
    reduce(a: Reading): Reading { return a; }
  }
  t.throws(() => keyed.window(GlobalWindows.create()).reduce(new Rich()), {
    message: `window GlobalWindows() on operator 'Readings' (${sourceId}): ReduceFunction of reduce can not be a RichFunction. Please use reduce(ReduceFunction, ProcessWindowFunction) instead.`,
  });
  t.throws(() => keyed.windowAll(GlobalWindows.create()).reduce((a) => a).setParallelism(2), { message: /The parallelism of non parallel operator must be 1\./ });
});

t.test('an event-time window over records without timestamps fails naming the assigner', async (t) => {
  const env = StreamExecutionEnvironment.getExecutionEnvironment();
  env.fromElements<Reading>(['a', 1]).keyBy((r) => r[0]).window(TumblingEventTimeWindows.of(Time.seconds(1))).sum(1).addSink(() => {});
  await t.rejects(runInMemory(env.getStreamGraph()), {
    message: /TumblingEventTimeWindows\(1000\): the record has no timestamp; is the time characteristic processing time, or did you forget to call 'DataStream\.assignTimestampsAndWatermarks\(\.\.\.\)'\?/,
  });
});

t.test("a ProcessWindowFunction's ctx.output goes to the side output of its tag", async (t) => {
  const single = new OutputTag<string>('single-element-windows');
  const [several, singles] = await run((env) => {
    const result = timestamped(env, readings).keyBy((r) => r[0]).window(TumblingEventTimeWindows.of(Time.seconds(2))).process(
      (key: string, ctx: ProcessWindowFunctionContext<TimeWindow>, elements: Iterable<Reading>, out: Collector<string>) => {
        const label = `${key}@${ctx.window().start}`;
        if ([...elements].length > 1) out.collect(label);
        else ctx.output(single, label);
      });
    return [result, result.getSideOutput(single)];
  });
  t.same(sortByJson(several!), ['a@0', 'b@0']);
  t.same(sortByJson(singles!), ['a@2000', 'a@6000', 'b@2000']);
});
