// Flink's DescriptiveStatisticsHistogram: the statistics of the last `windowSize` values.
import type { Histogram, HistogramStatistics } from './metric.ts';

export class DescriptiveStatisticsHistogram implements Histogram {
  private readonly values: number[] = [];
  private count = 0;

  constructor(private readonly windowSize: number) {
    if (!Number.isInteger(windowSize) || windowSize < 1) throw new Error(`DescriptiveStatisticsHistogram: the window size must be a positive integer (got ${windowSize})`);
  }

  update(value: number): void {
    this.count++;
    this.values.push(value);
    if (this.values.length > this.windowSize) this.values.shift();
  }

  getCount(): number {
    return this.count;
  }

  getStatistics(): HistogramStatistics {
    return statisticsOf([...this.values].sort((a, b) => a - b));
  }
}

/** Statistics of sorted values; quantiles as Apache Commons Math's default percentile estimate. */
function statisticsOf(sorted: number[]): HistogramStatistics {
  const n = sorted.length;
  const mean = n === 0 ? 0 : sorted.reduce((sum, value) => sum + value, 0) / n;
  return {
    getQuantile(quantile) {
      if (!(quantile >= 0 && quantile <= 1)) throw new Error(`histogram: a quantile is between 0 and 1 (got ${quantile})`);
      if (n === 0) return Number.NaN;
      const position = quantile * (n + 1);
      if (position < 1) return sorted[0]!;
      if (position >= n) return sorted[n - 1]!;
      const lower = Math.floor(position);
      return sorted[lower - 1]! + (position - lower) * (sorted[lower]! - sorted[lower - 1]!);
    },
    getValues: () => [...sorted],
    size: () => n,
    getMean: () => mean,
    getStdDev: () => (n < 2 ? 0 : Math.sqrt(sorted.reduce((sum, value) => sum + (value - mean) ** 2, 0) / (n - 1))),
    getMax: () => (n === 0 ? 0 : sorted[n - 1]!),
    getMin: () => (n === 0 ? 0 : sorted[0]!),
  };
}
