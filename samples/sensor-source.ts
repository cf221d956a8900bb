// The tutorials' SensorSource: a parallel source with 10 sensors per subtask, each emitting
// a Fahrenheit reading every 100 ms. Readings are converted to Celsius, keyed by sensor and
// reduced to a rolling maximum. Unbounded: stop it with `sluice cancel <jobId>` (or Ctrl-C);
// `-- --rounds N` makes it stop by itself after N rounds of readings.
import { RichParallelSourceFunction, StreamExecutionEnvironment, type SourceContext } from 'sluice';

export interface SensorReading {
  id: string;
  timestamp: number;
  temperature: number;
}

function option(name: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`);
  return at === -1 ? undefined : process.argv[at + 1];
}

/** A normally distributed number (Box–Muller), as java.util.Random.nextGaussian. */
function gaussian(): number {
  return Math.sqrt(-2 * Math.log(1 - Math.random())) * Math.cos(2 * Math.PI * Math.random());
}

export class SensorSource extends RichParallelSourceFunction<SensorReading> {
  private running = true;

  constructor(private readonly rounds = Infinity) {
    super();
  }

  async run(ctx: SourceContext<SensorReading>): Promise<void> {
    const taskIndex = this.getRuntimeContext().getIndexOfThisSubtask();
    const sensors = Array.from({ length: 10 }, (_, i) => ({
      id: `sensor_${taskIndex * 10 + i}`,
      temperature: 65 + gaussian() * 20,
    }));
    for (let round = 0; this.running && round < this.rounds; round++) {
      const now = Date.now();
      for (const sensor of sensors) {
        sensor.temperature += gaussian() * 0.5;
        await ctx.collect({ id: sensor.id, timestamp: now, temperature: sensor.temperature });
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  cancel(): void {
    this.running = false;
  }
}

const rounds = option('rounds');
const env = StreamExecutionEnvironment.getExecutionEnvironment();

env.addSource(new SensorSource(rounds ? Number(rounds) : Infinity), 'SensorSource')
  .map((reading): SensorReading => ({ ...reading, temperature: (reading.temperature - 32) * (5 / 9) })).name('ToCelsius')
  .keyBy((reading) => reading.id)
  .max('temperature').name('RollingMax')
  .print();

await env.execute('Sensor rolling maximum');
