// The tutorials' SensorSource, shared by the sensor samples: a parallel source with 10 sensors
// per subtask, each emitting a Fahrenheit reading every 100 ms, stamped with the time it was
// measured. With `maxTransitDelayMs`, each reading reaches the source up to that long after it
// was measured, so readings arrive out of order, as they do from real sensors.
import { RichParallelSourceFunction, type SourceContext } from 'sluice';

export interface SensorReading {
  id: string;
  timestamp: number;
  temperature: number;
}

/** A normally distributed number (Box–Muller), as java.util.Random.nextGaussian. */
function gaussian(): number {
  return Math.sqrt(-2 * Math.log(1 - Math.random())) * Math.cos(2 * Math.PI * Math.random());
}

export class SensorSource extends RichParallelSourceFunction<SensorReading> {
  private running = true;

  constructor(private readonly rounds = Infinity, private readonly maxTransitDelayMs = 0) {
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
        const measuredAt = now - Math.floor(Math.random() * this.maxTransitDelayMs);
        await ctx.collect({ id: sensor.id, timestamp: measuredAt, temperature: sensor.temperature });
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  cancel(): void {
    this.running = false;
  }
}
