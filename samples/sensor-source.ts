// The tutorials' SensorSource (see sensor-readings.ts): readings are converted to Celsius,
// keyed by sensor and reduced to a rolling maximum. Unbounded: stop it with
// `sluice cancel <jobId>` (or Ctrl-C); `--rounds N` makes it stop by itself after N rounds
// of readings.
import { ParameterTool, StreamExecutionEnvironment } from 'sluice';
import { SensorSource, type SensorReading } from './sensor-readings.ts';

const params = ParameterTool.fromArgs(process.argv.slice(2));
const env = StreamExecutionEnvironment.getExecutionEnvironment();

env.addSource(new SensorSource(params.getInt('rounds', Infinity)), 'SensorSource')
  .map((reading): SensorReading => ({ ...reading, temperature: (reading.temperature - 32) * (5 / 9) })).name('ToCelsius')
  .keyBy((reading) => reading.id)
  .max('temperature').name('RollingMax')
  .print();

await env.execute('Sensor rolling maximum');
