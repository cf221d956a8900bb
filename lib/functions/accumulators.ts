// Flink's accumulators: values a rich function adds to while its subtask runs
// (`getRuntimeContext().getIntCounter('lines').add(1)`). When the job finishes, every
// subtask's accumulators are merged by name, and `await env.execute()` returns them
// (`result.getAccumulatorResult('lines')`). These built-in kinds travel as plain data, so
// the JobManager can merge them without the job's code.

export interface Accumulator<V, R> {
  add(value: V): void;
  getLocalValue(): R;
  resetLocal(): void;
}

abstract class SimpleCounter implements Accumulator<number, number> {
  protected value = 0;

  add(value: number): void {
    this.value += value;
  }

  getLocalValue(): number {
    return this.value;
  }

  resetLocal(): void {
    this.value = 0;
  }
}

/** Adds integers; Flink's IntCounter. */
export class IntCounter extends SimpleCounter {
  override add(value: number): void {
    this.value = (this.value + value) | 0;
  }
}

/** Adds integers beyond 32 bits; Flink's LongCounter. */
export class LongCounter extends SimpleCounter {}

/** Adds numbers; Flink's DoubleCounter. */
export class DoubleCounter extends SimpleCounter {}

/** Counts how often each integer was added (Flink's Histogram): value → count, in value order. */
export class Histogram implements Accumulator<number, Map<number, number>> {
  private counts = new Map<number, number>();

  add(value: number): void {
    this.counts.set(value, (this.counts.get(value) ?? 0) + 1);
  }

  getLocalValue(): Map<number, number> {
    return new Map([...this.counts].sort(([a], [b]) => a - b));
  }

  resetLocal(): void {
    this.counts = new Map();
  }
}
