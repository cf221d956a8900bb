// Flink's RateLimiterStrategy for DataGeneratorSource: `perSecond(r)` spreads r records a
// second over the source's parallel readers; `noOp()` does not limit.

export class RateLimiterStrategy {
  private constructor(readonly recordsPerSecond: number | undefined) {}

  static perSecond(recordsPerSecond: number): RateLimiterStrategy {
    if (!(recordsPerSecond > 0) || !Number.isFinite(recordsPerSecond)) throw new Error(`RateLimiterStrategy.perSecond: the rate must be a positive number (got ${recordsPerSecond})`);
    return new RateLimiterStrategy(recordsPerSecond);
  }

  static noOp(): RateLimiterStrategy {
    return new RateLimiterStrategy(undefined);
  }
}
