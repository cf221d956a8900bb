// Flink's RestartBackoffTimeStrategy: after each failure, whether the job may restart and
// after how long. One implementation per restart strategy, created from its configuration.
import type { RestartStrategyConfiguration } from './restart-strategies.ts';

export interface RestartBackoffTimeStrategy {
  /** Records a failure at `timestamp` (ms); called before canRestart and getBackoffTime. */
  notifyFailure(timestamp: number): void;
  canRestart(): boolean;
  /** Milliseconds to wait before the restart. */
  getBackoffTime(): number;
  /** Flink's description, for "Recovery is suppressed by …". */
  toString(): string;
}

export class NoRestartBackoffTimeStrategy implements RestartBackoffTimeStrategy {
  notifyFailure(): void {}
  canRestart(): boolean { return false; }
  getBackoffTime(): number { return 0; }
  toString(): string { return 'NoRestartBackoffTimeStrategy'; }
}

export class FixedDelayRestartBackoffTimeStrategy implements RestartBackoffTimeStrategy {
  private currentRestartAttempt = 0;

  constructor(private readonly maxNumberRestartAttempts: number, private readonly backoffTimeMs: number) {}

  notifyFailure(): void { this.currentRestartAttempt++; }
  canRestart(): boolean { return this.currentRestartAttempt <= this.maxNumberRestartAttempts; }
  getBackoffTime(): number { return this.backoffTimeMs; }
  toString(): string {
    return `FixedDelayRestartBackoffTimeStrategy(maxNumberRestartAttempts=${this.maxNumberRestartAttempts}, backoffTimeMS=${this.backoffTimeMs})`;
  }
}

/** The backoff grows by the multiplier after each failure up to the maximum, and starts over after a quiet spell of the reset threshold. */
export class ExponentialDelayRestartBackoffTimeStrategy implements RestartBackoffTimeStrategy {
  private currentBackoffMs = 0;
  private lastFailureTimestamp = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly initialBackoffMs: number,
    private readonly maxBackoffMs: number,
    private readonly backoffMultiplier: number,
    private readonly resetBackoffThresholdMs: number,
    private readonly jitterFactor: number,
    private readonly random: () => number = Math.random,
  ) {}

  notifyFailure(timestamp: number): void {
    const quietFor = timestamp - this.lastFailureTimestamp;
    this.lastFailureTimestamp = timestamp;
    this.currentBackoffMs = this.currentBackoffMs === 0 || quietFor >= this.resetBackoffThresholdMs
      ? this.initialBackoffMs
      : Math.min(this.currentBackoffMs * this.backoffMultiplier, this.maxBackoffMs);
  }

  canRestart(): boolean { return true; }

  getBackoffTime(): number {
    const jitter = this.currentBackoffMs * this.jitterFactor * (2 * this.random() - 1);
    return Math.max(0, Math.round(this.currentBackoffMs + jitter));
  }

  toString(): string {
    return `ExponentialDelayRestartBackoffTimeStrategy(initialBackoffMS=${this.initialBackoffMs}, maxBackoffMS=${this.maxBackoffMs}, backoffMultiplier=${this.backoffMultiplier}, resetBackoffThresholdMS=${this.resetBackoffThresholdMs}, jitterFactor=${this.jitterFactor}, currentBackoffMS=${this.currentBackoffMs})`;
  }
}

/** Restarts while fewer than the maximum failures fell within the last interval. */
export class FailureRateRestartBackoffTimeStrategy implements RestartBackoffTimeStrategy {
  private readonly failureTimestamps: number[] = [];

  constructor(private readonly maxFailuresPerInterval: number, private readonly failuresIntervalMs: number, private readonly backoffTimeMs: number) {}

  notifyFailure(timestamp: number): void {
    if (this.failureTimestamps.length >= this.maxFailuresPerInterval) this.failureTimestamps.shift();
    this.failureTimestamps.push(timestamp);
  }

  canRestart(): boolean {
    if (this.failureTimestamps.length < this.maxFailuresPerInterval) return true;
    return this.failureTimestamps.at(-1)! - this.failureTimestamps[0]! > this.failuresIntervalMs;
  }

  getBackoffTime(): number { return this.backoffTimeMs; }

  toString(): string {
    return `FailureRateRestartBackoffTimeStrategy(failuresIntervalMS=${this.failuresIntervalMs}, backoffTimeMS=${this.backoffTimeMs}, maxFailuresPerInterval=${this.maxFailuresPerInterval})`;
  }
}

export function createRestartBackoffTimeStrategy(configuration: RestartStrategyConfiguration): RestartBackoffTimeStrategy {
  switch (configuration.strategy) {
    case 'none':
      return new NoRestartBackoffTimeStrategy();
    case 'fixed-delay':
      return new FixedDelayRestartBackoffTimeStrategy(configuration.restartAttempts, configuration.delayMs);
    case 'exponential-delay': {
      const { initialBackoffMs, maxBackoffMs, backoffMultiplier, resetBackoffThresholdMs, jitterFactor } = configuration;
      return new ExponentialDelayRestartBackoffTimeStrategy(initialBackoffMs, maxBackoffMs, backoffMultiplier, resetBackoffThresholdMs, jitterFactor);
    }
    case 'failure-rate':
      return new FailureRateRestartBackoffTimeStrategy(configuration.maxFailuresPerInterval, configuration.failureIntervalMs, configuration.delayMs);
  }
}
