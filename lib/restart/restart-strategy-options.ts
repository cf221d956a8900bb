// Flink's configuration keys for the restart strategy (RestartStrategyOptions):
// `restart-strategy: fixed-delay` with `restart-strategy.fixed-delay.attempts` and
// `.delay`, and so on, with Flink's defaults.
import { durationOption as duration, numberOption as number, type Configuration } from '../settings/configuration.ts';
import { RestartStrategies, type RestartStrategyConfiguration } from './restart-strategies.ts';

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
