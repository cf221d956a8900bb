import t from 'tap';
import {
  Duration,
  IngestionTimeAssigner,
  StreamExecutionEnvironment,
  Time,
  Watermark,
  WatermarkStrategy,
  type WatermarkOutput,
} from '../../lib/api/index.ts';
import { OperatorTestHarness } from './helpers/operator-test-harness.ts';

interface Reading {
  sensor: string;
  time: number;
}

const reading = (time: number, sensor = 's1'): Reading => ({ sensor, time });
const byTime = (r: Reading) => r.time;

/** assignTimestampsAndWatermarks as a job declares it, run alone in a harness on a processing-time clock at 0. */
async function assigner<T>(strategy: WatermarkStrategy<T>, autoWatermarkInterval = 100): Promise<OperatorTestHarness> {
  const env = StreamExecutionEnvironment.getExecutionEnvironment();
  env.getConfig().setAutoWatermarkInterval(autoWatermarkInterval);
  env.fromElements<T>().assignTimestampsAndWatermarks(strategy).uid('tw').print();
  return new OperatorTestHarness(env.getStreamGraph(), { operatorIds: ['tw'], channels: [1], processingTime: 0 }).open();
}

t.test('bounded out-of-orderness: every interval the watermark is the highest timestamp minus the bound minus 1', async (t) => {
  const harness = await assigner(WatermarkStrategy.forBoundedOutOfOrderness<Reading>(Duration.ofSeconds(3)).withTimestampAssigner(byTime));
  await harness.setProcessingTime(100);
  harness.processElement(reading(10_000));
  harness.processElement(reading(8_000));
  await harness.setProcessingTime(200);
  harness.processElement(reading(12_500));
  harness.processElement(reading(11_000));
  await harness.setProcessingTime(250);
  await harness.setProcessingTime(300);
  await harness.setProcessingTime(400);
  t.same(harness.output.emitted, [
    { record: reading(10_000), timestamp: 10_000 },
    { record: reading(8_000), timestamp: 8_000 },
    { watermark: 6_999 },
    { record: reading(12_500), timestamp: 12_500 },
    { record: reading(11_000), timestamp: 11_000 },
    { watermark: 9_499 },
  ], 'nothing before the first event; a watermark that did not advance is not repeated');
  await harness.finishAndClose();
});

t.test('monotonous timestamps: the watermark is the highest timestamp minus 1; Time is accepted as a duration', async (t) => {
  const harness = await assigner(WatermarkStrategy.forMonotonousTimestamps<Reading>().withTimestampAssigner({ extractTimestamp: byTime }));
  harness.processElement(reading(1_000));
  harness.processElement(reading(1_000));
  await harness.setProcessingTime(100);
  harness.processElement(reading(1_500));
  await harness.setProcessingTime(200);
  t.same(harness.output.watermarks, [999, 1_499]);
  const withTime = await assigner(WatermarkStrategy.forBoundedOutOfOrderness<Reading>(Time.seconds(1)).withTimestampAssigner(byTime));
  withTime.processElement(reading(5_000));
  await withTime.setProcessingTime(100);
  t.same(withTime.output.watermarks, [3_999]);
  await harness.finishAndClose();
  await withTime.finishAndClose();
});

t.test('a punctuated generator emits from onEvent; the end of input emits MAX once', async (t) => {
  const harness = await assigner(WatermarkStrategy.forGenerator<Reading>(() => ({
    onEvent(event: Reading, timestamp: number, output: WatermarkOutput) {
      if (event.sensor === 'marker') output.emitWatermark(new Watermark(timestamp));
    },
    onPeriodicEmit() {},
  })).withTimestampAssigner(byTime));
  harness.processElement(reading(5));
  harness.processElement(reading(7, 'marker'));
  harness.processElement(reading(6, 'marker'));
  harness.endInput();
  await harness.finishAndClose();
  t.same(harness.output.emitted, [
    { record: reading(5), timestamp: 5 },
    { record: reading(7, 'marker'), timestamp: 7 },
    { watermark: 7 },
    { record: reading(6, 'marker'), timestamp: 6 },
    { watermark: Infinity },
  ]);
});

t.test('upstream watermarks and status are dropped, except the end of event time', async (t) => {
  const harness = await assigner(WatermarkStrategy.noWatermarks<Reading>().withTimestampAssigner(byTime));
  harness.processWatermark(100);
  harness.processWatermarkStatus('idle');
  harness.processElement(reading(50));
  await harness.setProcessingTime(1_000);
  harness.processWatermarkStatus('active');
  harness.processWatermark(Infinity);
  await harness.finishAndClose();
  t.same(harness.output.emitted, [{ record: reading(50), timestamp: 50 }, { watermark: Infinity }]);
});

t.test('without an assigner the record keeps the timestamp it came with', async (t) => {
  const harness = await assigner(WatermarkStrategy.forMonotonousTimestamps<string>());
  harness.processElement('a', 40);
  await harness.setProcessingTime(100);
  t.same(harness.output.emitted, [{ record: 'a', timestamp: 40 }, { watermark: 39 }]);
  await harness.finishAndClose();
});

t.test('with idleness, the output goes idle after the timeout without events and active with the next watermark', async (t) => {
  const strategy = WatermarkStrategy.forBoundedOutOfOrderness<Reading>(Duration.ofMillis(0)).withTimestampAssigner(byTime).withIdleness(Duration.ofMillis(250));
  const harness = await assigner(strategy);
  harness.processElement(reading(10));
  for (const time of [100, 200, 300, 400, 500, 600]) await harness.setProcessingTime(time);
  harness.processElement(reading(20));
  await harness.setProcessingTime(700);
  t.same(harness.output.emitted, [
    { record: reading(10), timestamp: 10 },
    { watermark: 9 }, // 100: events since the last check
    // 200: no events, inactivity starts; 300, 400: within 250 ms of it
    { status: 'idle' }, // 500: 300 ms without events
    { record: reading(20), timestamp: 20 },
    { status: 'active' }, // 700: the next watermark ends idleness
    { watermark: 19 },
  ]);
  await harness.finishAndClose();
});

t.test('an auto-watermark interval of 0 disables periodic watermarks; finish asks the generator once more', async (t) => {
  const harness = await assigner(WatermarkStrategy.forMonotonousTimestamps<Reading>().withTimestampAssigner(byTime), 0);
  harness.processElement(reading(10));
  await harness.setProcessingTime(10_000);
  t.same(harness.output.watermarks, []);
  await harness.finishAndClose();
  t.same(harness.output.watermarks, [9]);
});

t.test('a timestamp assigner returning something other than a finite number fails with the operator and the record', async (t) => {
  for (const [bad, shown] of [[Number.NaN, 'NaN'], ['12', "'12'"], [Infinity, 'Infinity']] as const) {
    const harness = await assigner(WatermarkStrategy.forMonotonousTimestamps<Reading>().withTimestampAssigner(() => bad as number));
    t.throws(() => harness.processElement(reading(1, 'bad')), {
      message: `operator "Timestamps/Watermarks" in Timestamps/Watermarks (1/1): the timestamp assigner returned ${shown} for record { sensor: 'bad', time: 1 }; a timestamp must be a finite number of ms since the epoch`,
    });
    await harness.close();
  }
  const noTimestamp = await assigner(WatermarkStrategy.forMonotonousTimestamps<string>());
  t.throws(() => noTimestamp.processElement('x'), /returned -Infinity for record 'x'.*the record has no timestamp of its own: use withTimestampAssigner/);
  await noTimestamp.close();
});

t.test('ingestion time: the wall clock at the assigner, never decreasing', async (t) => {
  const harness = await assigner(WatermarkStrategy.forMonotonousTimestamps<string>().withTimestampAssigner({ createTimestampAssigner: () => new IngestionTimeAssigner<string>() }));
  const before = Date.now();
  harness.processElement('a', 1);
  harness.processElement('b');
  const after = Date.now();
  const [a, b] = harness.output.emitted.map((e) => ('timestamp' in e ? e.timestamp! : NaN));
  t.ok(a! >= before && a! <= after && b! >= a! && b! <= after, `${a}, ${b} within [${before}, ${after}]`);
  await harness.finishAndClose();
});

t.test('the auto-watermark interval: 200 ms by default, set on the ExecutionConfig, checked', async (t) => {
  const env = StreamExecutionEnvironment.getExecutionEnvironment();
  t.equal(env.getConfig().getAutoWatermarkInterval(), 200);
  env.fromElements(1).print();
  t.equal(env.getStreamGraph().autoWatermarkInterval, 200);
  env.getConfig().setAutoWatermarkInterval(50);
  t.equal(env.getStreamGraph().autoWatermarkInterval, 50);
  t.throws(() => env.getConfig().setAutoWatermarkInterval(-1), /auto-watermark interval must be a finite number of ms >= 0 \(got -1\)/);
  t.throws(() => WatermarkStrategy.forBoundedOutOfOrderness(Duration.ofMillis(-5)), /forBoundedOutOfOrderness: the maximum out-of-orderness must be a finite, non-negative duration \(got -5 ms\)/);
});
