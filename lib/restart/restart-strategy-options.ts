// Flink's configuration keys for the restart strategy (RestartStrategyOptions):
// `restart-strategy: fixed-delay` with `restart-strategy.fixed-delay.attempts` and
// `.delay`, and so on, with Flink's defaults. Durations are written as Flink writes them:
// "500 ms", "1 s", "10 min", "1 h" (a bare number is milliseconds). A wrong key value is
// one line naming the key.
import { RestartStrategies, type RestartStrategyConfiguration } from './restart-strategies.ts';

export type Configuration = Readonly<Record<string, string>>;

const units: Record<string, number> = {
  ms: 1, milli: 1, millis: 1, millisecond: 1, milliseconds: 1,
  s: 1000, sec: 1000, secs: 1000, second: 1000, seconds: 1000,
  m: 60_000, min: 60_000, minute: 60_000, minutes: 60_000,
  h: 3_600_000, hour: 3_600_000, hours: 3_600_000,
  d: 86_400_000, day: 86_400_000, days: 86_400_000,
};

function duration(config: Configuration, key: string, fallback: string): number {
  const raw = config[key] ?? fallback;
  const match = /^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$/i.exec(raw);
  const unit = match ? units[(match[2] || 'ms').toLowerCase()] : undefined;
  if (!match || unit === undefined) throw new Error(`${key}: '${raw}' is not a duration (e.g. '500 ms', '10 s', '1 min')`);
  return Number(match[1]) * unit;
}

function number(config: Configuration, key: string, fallback: number): number {
  const raw = config[key];
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(value)) throw new Error(`${key}: '${raw}' is not a number`);
  return value;
}

/** The strategy the keys name; undefined when `restart-strategy` is not set (Flink's default then applies). */
export function restartStrategyFromConfiguration(config: Configuration): RestartStrategyConfiguration | undefined {
  const name = config['restart-strategy'];
  if (name === undefined) return undefined;
  switch (name.trim().toLowerCase()) {
    case 'none':
    case 'off':
    case 'disable':
      return RestartStrategies.noRestart();
    case 'fixed-delay':
    case 'fixeddelay':
      return RestartStrategies.fixedDelayRestart(
        number(config, 'restart-strategy.fixed-delay.attempts', 1),
        duration(config, 'restart-strategy.fixed-delay.delay', '1 s'),
      );
    case 'failure-rate':
    case 'failurerate':
      return RestartStrategies.failureRateRestart(
        number(config, 'restart-strategy.failure-rate.max-failures-per-interval', 1),
        duration(config, 'restart-strategy.failure-rate.failure-rate-interval', '1 min'),
        duration(config, 'restart-strategy.failure-rate.delay', '1 s'),
      );
    case 'exponential-delay':
    case 'exponentialdelay':
      return RestartStrategies.exponentialDelayRestart(
        duration(config, 'restart-strategy.exponential-delay.initial-backoff', '1 s'),
        duration(config, 'restart-strategy.exponential-delay.max-backoff', '5 min'),
        number(config, 'restart-strategy.exponential-delay.backoff-multiplier', 2),
        duration(config, 'restart-strategy.exponential-delay.reset-backoff-threshold', '1 h'),
        number(config, 'restart-strategy.exponential-delay.jitter-factor', 0.1),
      );
    default:
      throw new Error(`restart-strategy: unknown strategy '${name}' (expected none, fixed-delay, failure-rate or exponential-delay)`);
  }
}
