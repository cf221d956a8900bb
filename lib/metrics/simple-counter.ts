// Flink's SimpleCounter: a plain count, what `metricGroup.counter(name)` creates.
import type { Counter } from './metric.ts';

export class SimpleCounter implements Counter {
  private count = 0;

  inc(n = 1): void {
    this.count += n;
  }

  dec(n = 1): void {
    this.count -= n;
  }

  getCount(): number {
    return this.count;
  }
}
