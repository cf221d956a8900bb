// Flink's metric types, as a function registers them on its MetricGroup
// (`getRuntimeContext().getMetricGroup()`).

export interface Counter {
  inc(n?: number): void;
  dec(n?: number): void;
  getCount(): number;
}

/** A value read when the metric is reported; a plain function works too, as a Java lambda does. */
export interface Gauge<T> {
  getValue(): T;
}

/** Events and their rate per second. */
export interface Meter {
  markEvent(n?: number): void;
  getRate(): number;
  getCount(): number;
}

export interface HistogramStatistics {
  getQuantile(quantile: number): number;
  getValues(): number[];
  size(): number;
  getMean(): number;
  getStdDev(): number;
  getMax(): number;
  getMin(): number;
}

export interface Histogram {
  update(value: number): void;
  getCount(): number;
  getStatistics(): HistogramStatistics;
}
