import t from 'tap';
import {
  CoProcessFunction,
  KeyedCoProcessFunction,
  KeyedProcessFunction,
  OutputTag,
  ProcessFunction,
  RichSourceFunction,
  StreamExecutionEnvironment,
  TimeDomain,
  ValueStateDescriptor,
  WatermarkStrategy,
  type Collector,
  type SourceContext,
  type ValueState,
} from '../../lib/api/index.ts';
import type { DataStream } from '../../lib/api/data-stream.ts';
import { OperatorTestHarness } from './helpers/operator-test-harness.ts';
import { collectInto, runInMemory } from './helpers/run-in-memory.ts';

type Event = [key: string, time: number];

/** The operator with uid 'p' of the job `declare` builds, alone in a harness on a processing-time clock at 0. */
async function harnessFor(declare: (env: StreamExecutionEnvironment) => DataStream<any>, channels = [1]): Promise<OperatorTestHarness> {
  const env = StreamExecutionEnvironment.getExecutionEnvironment();
  declare(env).print();
  return new OperatorTestHarness(env.getStreamGraph(), { operatorIds: ['p'], channels, processingTime: 0 }).open();
}

/** Counts events per key; each event sets an event-time timer 10 ms after it; a timer emits the key's count. */
class CountWithTimeout extends KeyedProcessFunction<string, Event, string> {
  private count!: ValueState<number>;

  override open(): void {
    this.count = this.getRuntimeContext().getState(new ValueStateDescriptor<number>('count', 0));
  }

  processElement([key, time]: Event, ctx: KeyedProcessFunction.Context<string>, out: Collector<string>): void {
    this.count.update(this.count.value()! + 1);
    ctx.timerService().registerEventTimeTimer(time + 10);
    if (key === 'cancel') ctx.timerService().deleteEventTimeTimer(time + 10);
    out.collect(`${ctx.getCurrentKey()} saw ${time} at watermark ${ctx.timerService().currentWatermark()} (ts ${ctx.timestamp()})`);
  }

  override onTimer(timestamp: number, ctx: KeyedProcessFunction.OnTimerContext<string>, out: Collector<string>): void {
    out.collect(`${ctx.getCurrentKey()}: ${this.count.value()} by ${timestamp} (${ctx.timeDomain()}, ts ${ctx.timestamp()})`);
  }
}

t.test('KeyedProcessFunction: event-time timers fire per key in time order as the watermark passes them, before it goes on', async (t) => {
  const harness = await harnessFor((env) => env.fromElements<Event>().keyBy((e) => e[0]).process(new CountWithTimeout()).uid('p'));
  harness.processElement(['a', 5], 5);
  harness.processElement(['b', 1], 1);
  harness.processElement(['a', 5], 5); // the same timer again: it fires once
  harness.processElement(['cancel', 2], 2);
  harness.processWatermark(14);
  harness.processElement(['a', 20], 20);
  harness.processWatermark(100);
  t.same(harness.output.emitted, [
    { record: 'a saw 5 at watermark -Infinity (ts 5)', timestamp: 5 },
    { record: 'b saw 1 at watermark -Infinity (ts 1)', timestamp: 1 },
    { record: 'a saw 5 at watermark -Infinity (ts 5)', timestamp: 5 },
    { record: 'cancel saw 2 at watermark -Infinity (ts 2)', timestamp: 2 },
    { record: 'b: 1 by 11 (EVENT_TIME, ts 11)', timestamp: 11 },
    { watermark: 14 },
    { record: 'a saw 20 at watermark 14 (ts 20)', timestamp: 20 },
    { record: 'a: 3 by 15 (EVENT_TIME, ts 15)', timestamp: 15 },
    { record: 'a: 3 by 30 (EVENT_TIME, ts 30)', timestamp: 30 },
    { watermark: 100 },
  ]);
  await harness.finishAndClose();
});

t.test('KeyedProcessFunction: processing-time timers fire as the clock reaches them, their output without a timestamp', async (t) => {
  class Timeout extends KeyedProcessFunction<string, Event, string> {
    processElement([key]: Event, ctx: KeyedProcessFunction.Context<string>): void {
      const timers = ctx.timerService();
      timers.registerProcessingTimeTimer(timers.currentProcessingTime() + 100);
      if (key === 'cancel') timers.deleteProcessingTimeTimer(timers.currentProcessingTime() + 100);
    }

    override onTimer(timestamp: number, ctx: KeyedProcessFunction.OnTimerContext<string>, out: Collector<string>): void {
      t.equal(ctx.timeDomain(), TimeDomain.PROCESSING_TIME);
      out.collect(`${ctx.getCurrentKey()} at ${timestamp}`);
    }
  }
  const harness = await harnessFor((env) => env.fromElements<Event>().keyBy((e) => e[0]).process(new Timeout()).uid('p'));
  harness.processElement(['a', 0], 0);
  harness.processElement(['cancel', 0], 0);
  await harness.setProcessingTime(50);
  harness.processElement(['b', 0], 0);
  await harness.setProcessingTime(99);
  t.same(harness.output.emitted, []);
  await harness.setProcessingTime(150);
  t.same(harness.output.emitted, [{ record: 'a at 100' }, { record: 'b at 150' }]);
  await harness.finishAndClose();
});

t.test('ctx.output sends to the side output of its tag, with the record\'s timestamp; getSideOutput reads it', async (t) => {
  const late = new OutputTag<string>('late');
  class Split extends ProcessFunction<number, number> {
    processElement(value: number, ctx: ProcessFunction.Context, out: Collector<number>): void {
      if (value < 0) ctx.output(late, `late ${value}`);
      else out.collect(value);
    }
  }
  const harness = await harnessFor((env) => env.fromElements<number>().process(new Split()).uid('p'));
  harness.processElement(1, 10);
  harness.processElement(-2, 20);
  t.same(harness.output.emitted, [{ record: 1, timestamp: 10 }, { side: 'late', record: 'late -2', timestamp: 20 }]);
  await harness.finishAndClose();

  const env = StreamExecutionEnvironment.getExecutionEnvironment();
  const split = env.fromElements(1, -2, 3, -4).process(new Split());
  const main = collectInto(split);
  const side = collectInto(split.getSideOutput(late));
  const sideMapped = collectInto(split.getSideOutput(late).map((s) => s.toUpperCase()));
  await runInMemory(env.getStreamGraph());
  t.same(main, [1, 3]);
  t.same(side, ['late -2', 'late -4']);
  t.same(sideMapped, ['LATE -2', 'LATE -4']);
});

t.test('ProcessFunction on a stream that is not keyed: the time, but no timers (Flink\'s error, with the operator)', async (t) => {
  class Clock extends ProcessFunction<string, string> {
    processElement(value: string, ctx: ProcessFunction.Context, out: Collector<string>): void {
      out.collect(`${value} wm ${ctx.timerService().currentWatermark()} pt ${ctx.timerService().currentProcessingTime()} ts ${ctx.timestamp()}`);
      if (value === 'set') ctx.timerService().registerEventTimeTimer(5);
      if (value === 'delete') ctx.timerService().deleteProcessingTimeTimer(5);
    }
  }
  const harness = await harnessFor((env) => env.fromElements<string>().process(new Clock()).name('Clock').uid('p'));
  harness.processElement('x');
  harness.processWatermark(7);
  await harness.setProcessingTime(30);
  harness.processElement('y', 8);
  t.same(harness.output.values, ['x wm -Infinity pt 0 ts undefined', 'y wm 7 pt 30 ts 8']);
  t.throws(() => harness.processElement('set'), { message: 'operator "Clock" in Clock (1/1): Setting timers is only supported on a keyed streams.' });
  t.throws(() => harness.processElement('delete'), { message: 'operator "Clock" in Clock (1/1): Deleting timers is only supported on a keyed streams.' });
  await harness.close();
});

t.test('KeyedCoProcessFunction: both inputs share the key\'s state; timers fire from the minimum of both watermarks', async (t) => {
  class Match extends KeyedCoProcessFunction<string, Event, Event, string> {
    private seen!: ValueState<string>;

    override open(): void {
      this.seen = this.getRuntimeContext().getState(new ValueStateDescriptor<string>('seen', ''));
    }

    processElement1([, time]: Event, ctx: KeyedCoProcessFunction.Context<string>): void {
      this.seen.update(`${this.seen.value()}L${time}`);
      ctx.timerService().registerEventTimeTimer(time);
    }

    processElement2([, time]: Event, ctx: KeyedCoProcessFunction.Context<string>): void {
      this.seen.update(`${this.seen.value()}R${time}`);
      ctx.timerService().registerEventTimeTimer(time);
    }

    override onTimer(timestamp: number, ctx: KeyedCoProcessFunction.OnTimerContext<string>, out: Collector<string>): void {
      out.collect(`${ctx.getCurrentKey()}@${timestamp}: ${this.seen.value()}`);
    }
  }
  const harness = await harnessFor((env) => env.fromElements<Event>().connect(env.fromElements<Event>()).keyBy((e) => e[0], (e) => e[0]).process(new Match()).uid('p'), [1, 1]);
  harness.processElement(['k', 3], 3, { input: 1 });
  harness.processElement(['k', 4], 4, { input: 2 });
  harness.processElement(['j', 5], 5, { input: 2 });
  harness.processWatermark(10, { input: 1 });
  t.same(harness.output.values, [], 'input 2 holds event time back');
  harness.processWatermark(4, { input: 2 });
  harness.processWatermark(10, { input: 2 });
  t.same(harness.output.emitted, [
    { record: 'k@3: L3R4', timestamp: 3 },
    { record: 'k@4: L3R4', timestamp: 4 },
    { watermark: 4 },
    { record: 'j@5: R5', timestamp: 5 },
    { watermark: 10 },
  ]);
  await harness.finishAndClose();
});

t.test('CoProcessFunction on connected streams that are not keyed, and a KeyedCoProcessFunction refused there', async (t) => {
  class Tag extends CoProcessFunction<number, string, string> {
    processElement1(value: number, ctx: CoProcessFunction.Context, out: Collector<string>): void {
      out.collect(`n${value} wm ${ctx.timerService().currentWatermark()}`);
    }

    processElement2(value: string, _ctx: CoProcessFunction.Context, out: Collector<string>): void {
      out.collect(`s${value}`);
    }
  }
  const harness = await harnessFor((env) => env.fromElements<number>().connect(env.fromElements<string>()).process(new Tag()).uid('p'), [1, 1]);
  harness.processElement(1, undefined, { input: 1 });
  harness.processWatermark(3, { input: 1 });
  harness.processWatermark(2, { input: 2 });
  harness.processElement('a', undefined, { input: 2 });
  harness.processElement(2, undefined, { input: 1 });
  t.same(harness.output.values, ['n1 wm -Infinity', 'sa', 'n2 wm 2']);
  await harness.finishAndClose();

  class KeyedTag extends KeyedCoProcessFunction<string, number, string, string> {
    processElement1(): void {}
    processElement2(): void {}
  }
  const env = StreamExecutionEnvironment.getExecutionEnvironment();
  const numbers = env.fromElements(1).uid('numbers');
  t.throws(() => numbers.connect(env.fromElements('a').uid('letters')).process(new KeyedTag()), {
    message: "operator 'Co-Process' connecting operator 'Collection Source' (numbers) and operator 'Collection Source' (letters): KeyedCoProcessFunction can only be used when both input streams are of type KeyedStream.",
  });
  t.throws(() => numbers.process({} as ProcessFunction<number, number>), {
    message: "operator 'Process' on operator 'Collection Source' (numbers): the ProcessFunction has no processElement method (extend ProcessFunction)",
  });
});

t.test('a keyed process function in a job: state and timers per key, every timer fired by the end of input', async (t) => {
  const env = StreamExecutionEnvironment.getExecutionEnvironment();
  const results = collectInto(env.fromElements<Event>(['a', 1], ['b', 2], ['a', 3])
    .assignTimestampsAndWatermarks(WatermarkStrategy.forMonotonousTimestamps<Event>().withTimestampAssigner((e) => e[1]))
    .keyBy((e) => e[0])
    .process(new CountWithTimeout())
    .filter((line) => line.includes(' by ')));
  await runInMemory(env.getStreamGraph());
  t.same(results, ['a: 2 by 11', 'b: 1 by 12', 'a: 2 by 13'].map((line) => `${line} (EVENT_TIME, ts ${line.split(' by ')[1]})`));
});

t.test('a source\'s own timestamps and watermarks drive event-time timers downstream', async (t) => {
  class Punctuated extends RichSourceFunction<Event> {
    async run(ctx: SourceContext<Event>): Promise<void> {
      await ctx.collectWithTimestamp(['a', 1], 1);
      ctx.emitWatermark(11);
      await ctx.collectWithTimestamp(['a', 12], 12);
      ctx.markAsTemporarilyIdle();
      await ctx.collectWithTimestamp(['b', 13], 13);
      ctx.emitWatermark(20);
    }

    cancel(): void {}
  }
  class WatermarkAtTimer extends KeyedProcessFunction<string, Event, string> {
    processElement([, time]: Event, ctx: KeyedProcessFunction.Context<string>): void {
      ctx.timerService().registerEventTimeTimer(time + 5);
    }

    override onTimer(timestamp: number, ctx: KeyedProcessFunction.OnTimerContext<string>, out: Collector<string>): void {
      out.collect(`${ctx.getCurrentKey()}@${timestamp} wm ${ctx.timerService().currentWatermark()}`);
    }
  }
  const env = StreamExecutionEnvironment.getExecutionEnvironment();
  const fired = collectInto(env.addSource<Event>(new Punctuated()).keyBy((e) => e[0]).process(new WatermarkAtTimer()));
  await runInMemory(env.getStreamGraph());
  t.same(fired, ['a@6 wm 11', 'a@17 wm 20', 'b@18 wm 20']);
});
