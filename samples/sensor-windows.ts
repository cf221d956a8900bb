// The average temperature per sensor over 5 s tumbling event-time windows. Readings reach the
// source up to 2.5 s after they were measured; the watermark allows 1 s of out-of-orderness, so
// a reading that comes later than that, for a window that has already fired, is late: it goes
// to a side output and is printed apart, prefixed "late". Bounded with `--rounds N`
// (rounds of readings, 100 ms apart); otherwise it runs until cancelled.
//
//   sluice run samples/sensor-windows.ts -p 2 --rounds 100
import {
  Duration,
  ParameterTool,
  OutputTag,
  ProcessWindowFunction,
  StreamExecutionEnvironment,
  Time,
  TumblingEventTimeWindows,
  WatermarkStrategy,
  type AggregateFunction,
  type Collector,
  type ProcessWindowFunctionContext,
  type TimeWindow,
} from 'sluice';
import { SensorSource, type SensorReading } from './sensor-readings.ts';

/** Sum and count of a window's temperatures. */
type Average = [sum: number, count: number];

/** The average and the number of readings it is over. */
type Result = [average: number, readings: number];

class AverageTemperature implements AggregateFunction<SensorReading, Average, Result> {
  createAccumulator(): Average {
    return [0, 0];
  }

  add(reading: SensorReading, [sum, count]: Average): Average {
    return [sum + reading.temperature, count + 1];
  }

  getResult([sum, count]: Average): Result {
    return [sum / count, count];
  }

  merge(a: Average, b: Average): Average {
    return [a[0] + b[0], a[1] + b[1]];
  }
}

/** Prints as "(sensor,windowEnd,average,readings)". */
type SensorAverage = [sensor: string, windowEnd: number, average: string, readings: number];

class WithSensorAndWindow extends ProcessWindowFunction<Result, SensorAverage, string, TimeWindow> {
  process(sensor: string, context: ProcessWindowFunctionContext<TimeWindow>, results: Iterable<Result>, out: Collector<SensorAverage>): void {
    for (const [average, readings] of results) out.collect([sensor, context.window().getEnd(), average.toFixed(2), readings]);
  }
}

const params = ParameterTool.fromArgs(process.argv.slice(2));
const lateReadings = new OutputTag<SensorReading>('late-readings');
const env = StreamExecutionEnvironment.getExecutionEnvironment();

const averages = env.addSource(new SensorSource(params.getInt('rounds', Infinity), 2500), 'SensorSource')
  .assignTimestampsAndWatermarks(
    WatermarkStrategy.forBoundedOutOfOrderness<SensorReading>(Duration.ofSeconds(1)).withTimestampAssigner((reading) => reading.timestamp),
  )
  .map((reading): SensorReading => ({ ...reading, temperature: (reading.temperature - 32) * (5 / 9) })).name('ToCelsius')
  .keyBy((reading) => reading.id)
  .window(TumblingEventTimeWindows.of(Time.seconds(5)))
  .sideOutputLateData(lateReadings)
  .aggregate(new AverageTemperature(), new WithSensorAndWindow()).name('AverageTemperature');

averages.print();
averages.getSideOutput(lateReadings).print('late');

await env.execute('Sensor averages per 5 s window');
