// Flink's RuntimeExecutionMode (`env.setRuntimeMode`, `execution.runtime-mode`). BATCH runs a
// bounded job as Flink's batch execution does where the results differ: a keyed rolling
// reduce or aggregation emits only each key's final value at the end of input, and there are
// no checkpoints. AUTOMATIC is BATCH when every source is bounded, else STREAMING.
import type { Configuration } from '../settings/configuration.ts';

export const RuntimeExecutionMode = {
  STREAMING: 'STREAMING',
  BATCH: 'BATCH',
  AUTOMATIC: 'AUTOMATIC',
} as const;

export type RuntimeExecutionMode = (typeof RuntimeExecutionMode)[keyof typeof RuntimeExecutionMode];

const key = 'execution.runtime-mode';

export function checkRuntimeMode(mode: unknown, where: string): RuntimeExecutionMode {
  const normalized = typeof mode === 'string' ? mode.trim().toUpperCase() : mode;
  if (normalized === 'STREAMING' || normalized === 'BATCH' || normalized === 'AUTOMATIC') return normalized;
  throw new Error(`${where}: unknown runtime mode '${String(mode)}' (expected STREAMING, BATCH or AUTOMATIC)`);
}

/** The mode the key names; undefined when it is not set (STREAMING, Flink's default, then applies). */
export function runtimeModeFromConfiguration(config: Configuration): RuntimeExecutionMode | undefined {
  const mode = config[key];
  return mode === undefined ? undefined : checkRuntimeMode(mode, key);
}

/** The mode a job runs in: BATCH refuses an unbounded source, as Flink does; AUTOMATIC picks by the sources. */
export function resolveRuntimeMode(mode: RuntimeExecutionMode, unboundedSources: readonly string[]): 'STREAMING' | 'BATCH' {
  if (mode === 'STREAMING') return 'STREAMING';
  if (mode === 'AUTOMATIC') return unboundedSources.length === 0 ? 'BATCH' : 'STREAMING';
  if (unboundedSources.length > 0) {
    throw new Error(`Detected an UNBOUNDED source (${unboundedSources.join(', ')}) with the 'execution.runtime-mode' set to 'BATCH'. This combination is not allowed, please set the 'execution.runtime-mode' to STREAMING or AUTOMATIC`);
  }
  return 'BATCH';
}
