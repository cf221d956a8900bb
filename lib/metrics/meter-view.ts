// Flink's MeterView: a Meter over a Counter, its rate the events per second over the last
// `timeSpanInSeconds` (default 60). Flink samples the counter every 5 s from its metric
// registry; here the samples are taken as the meter is used, at most one a second.
import type { Counter, Meter } from './metric.ts';
import { SimpleCounter } from './simple-counter.ts';

export class MeterView implements Meter {
  private readonly counter: Counter;
  private readonly timeSpanMs: number;
  /** [time, count] samples, oldest first, spanning at most the time span. */
  private readonly samples: Array<[number, number]> = [];

  constructor(counterOrTimeSpan: Counter | number = 60, timeSpanInSeconds = 60) {
    const counterGiven = typeof counterOrTimeSpan !== 'number';
    this.counter = counterGiven ? counterOrTimeSpan : new SimpleCounter();
    const seconds = counterGiven ? timeSpanInSeconds : counterOrTimeSpan;
    if (!(seconds >= 1)) throw new Error(`MeterView: the time span must be at least 1 second (got ${seconds})`);
    this.timeSpanMs = seconds * 1000;
    this.sample(Date.now());
  }

  markEvent(n = 1): void {
    this.counter.inc(n);
    this.sample(Date.now());
  }

  getCount(): number {
    return this.counter.getCount();
  }

  /** Events per second since the oldest sample within the time span. */
  getRate(): number {
    const now = Date.now();
    this.sample(now);
    const [since, countThen] = this.samples[0]!;
    const elapsedMs = now - since;
    return elapsedMs > 0 ? ((this.counter.getCount() - countThen) * 1000) / elapsedMs : 0;
  }

  private sample(now: number): void {
    const last = this.samples.at(-1);
    if (!last || now - last[0] >= 1000) this.samples.push([now, this.counter.getCount()]);
    while (this.samples.length > 1 && now - this.samples[1]![0] >= this.timeSpanMs) this.samples.shift();
  }
}
