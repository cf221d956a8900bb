// Flink's RestartStrategies: how often and how soon a failed job restarts from its latest
// completed checkpoint. Set with `env.setRestartStrategy(...)`; the configuration is plain
// data that travels in the JobGraph. Without one, Flink's default applies: fixed-delay with
// Integer.MAX_VALUE attempts when checkpointing is enabled, else no restart.
import { Time } from '../api/time.ts';

export type RestartStrategyConfiguration =
  | { strategy: 'none' }
  | { strategy: 'fixed-delay'; restartAttempts: number; delayMs: number }
  | { strategy: 'exponential-delay'; initialBackoffMs: number; maxBackoffMs: number; backoffMultiplier: number; resetBackoffThresholdMs: number; jitterFactor: number }
  | { strategy: 'failure-rate'; maxFailuresPerInterval: number; failureIntervalMs: number; delayMs: number };

/** A duration as Flink's API takes it (a Time), or a number of milliseconds. */
export type Duration = Time | number;

/** Flink's Integer.MAX_VALUE restart attempts of the default strategy. */
export const maxRestartAttempts = 2_147_483_647;

const millis = (duration: Duration) => (duration instanceof Time ? duration.toMilliseconds() : duration);

function check(strategy: string, condition: boolean, message: string): void {
  if (!condition) throw new Error(`restart strategy ${strategy}: ${message}`);
}

function checkDuration(strategy: string, name: string, duration: Duration): number {
  const ms = millis(duration);
  check(strategy, typeof ms === 'number' && Number.isFinite(ms) && ms >= 0, `the ${name} must be a duration >= 0 ms (got ${String(ms)})`);
  return ms;
}

export const RestartStrategies = {
  noRestart(): RestartStrategyConfiguration {
    return { strategy: 'none' };
  },

  fixedDelayRestart(restartAttempts: number, delayBetweenAttempts: Duration): RestartStrategyConfiguration {
    check('fixed-delay', Number.isInteger(restartAttempts) && restartAttempts >= 0, `the number of restart attempts must be an integer >= 0 (got ${restartAttempts})`);
    return { strategy: 'fixed-delay', restartAttempts, delayMs: checkDuration('fixed-delay', 'delay', delayBetweenAttempts) };
  },

  exponentialDelayRestart(initialBackoff: Duration, maxBackoff: Duration, backoffMultiplier: number, resetBackoffThreshold: Duration, jitterFactor: number): RestartStrategyConfiguration {
    const initialBackoffMs = checkDuration('exponential-delay', 'initial backoff', initialBackoff);
    const maxBackoffMs = checkDuration('exponential-delay', 'max backoff', maxBackoff);
    check('exponential-delay', initialBackoffMs > 0, 'the initial backoff must be > 0 ms');
    check('exponential-delay', maxBackoffMs >= initialBackoffMs, `the max backoff (${maxBackoffMs} ms) must not be below the initial backoff (${initialBackoffMs} ms)`);
    check('exponential-delay', backoffMultiplier >= 1, `the backoff multiplier must be >= 1 (got ${backoffMultiplier})`);
    check('exponential-delay', jitterFactor >= 0 && jitterFactor <= 1, `the jitter factor must be between 0 and 1 (got ${jitterFactor})`);
    const resetBackoffThresholdMs = checkDuration('exponential-delay', 'reset backoff threshold', resetBackoffThreshold);
    check('exponential-delay', resetBackoffThresholdMs > 0, 'the reset backoff threshold must be > 0 ms');
    return { strategy: 'exponential-delay', initialBackoffMs, maxBackoffMs, backoffMultiplier, resetBackoffThresholdMs, jitterFactor };
  },

  failureRateRestart(failureRate: number, failureInterval: Duration, delayInterval: Duration): RestartStrategyConfiguration {
    check('failure-rate', Number.isInteger(failureRate) && failureRate >= 1, `the maximum number of failures per interval must be an integer >= 1 (got ${failureRate})`);
    const failureIntervalMs = checkDuration('failure-rate', 'failure interval', failureInterval);
    check('failure-rate', failureIntervalMs > 0, 'the failure interval must be > 0 ms');
    return { strategy: 'failure-rate', maxFailuresPerInterval: failureRate, failureIntervalMs, delayMs: checkDuration('failure-rate', 'delay', delayInterval) };
  },
};

/** The strategy a job runs with: its own, else Flink's default for its checkpointing. */
export function effectiveRestartStrategy(configured: RestartStrategyConfiguration | undefined, checkpointingEnabled: boolean): RestartStrategyConfiguration {
  if (configured) return configured;
  return checkpointingEnabled ? RestartStrategies.fixedDelayRestart(maxRestartAttempts, 1000) : RestartStrategies.noRestart();
}
