// The tutorials' SensorSource (see sensor-readings.ts): readings are converted to Celsius,
// keyed by sensor and reduced to a rolling maximum. Unbounded: stop it with
// `sluice cancel <jobId>` (or Ctrl-C); `-- --rounds N` makes it stop by itself after N rounds
// of readings.
import { StreamExecutionEnvironment } from 'sluice';
import { option, SensorSource, type SensorReading } from './sensor-readings.ts';

const rounds = option('rounds');
const env = StreamExecutionEnvironment.getExecutionEnvironment();

env.addSource(new SensorSource(rounds ? Number(rounds) : Infinity), 'SensorSource')
  .map((reading): SensorReading => ({ ...reading, temperature: (reading.temperature - 32) * (5 / 9) })).name('ToCelsius')
  .keyBy((reading) => reading.id)
  .max('temperature').name('RollingMax')
  .print();

await env.execute('Sensor rolling maximum');
