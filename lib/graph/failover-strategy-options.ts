// Flink's configuration key for the failover strategy (JobManagerOptions'
// `jobmanager.execution.failover-strategy`): `region`, the default, restarts only the failed
// task's pipelined region; `full` restarts the whole job. A wrong value is one line naming the key.
import type { Configuration } from '../settings/configuration.ts';

export type FailoverStrategyName = 'full' | 'region';

const key = 'jobmanager.execution.failover-strategy';

/** The strategy the key names; undefined when it is not set (Flink's default, `region`, then applies). */
export function failoverStrategyFromConfiguration(config: Configuration): FailoverStrategyName | undefined {
  const name = config[key];
  if (name === undefined) return undefined;
  const normalized = name.trim().toLowerCase();
  if (normalized === 'full' || normalized === 'region') return normalized;
  throw new Error(`${key}: unknown failover strategy '${name}' (expected full or region)`);
}
