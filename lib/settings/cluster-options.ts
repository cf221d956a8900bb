// Settings shared by every process of one cluster. Defaults favour fast failure detection
// (seconds, not Flink's 50 s heartbeat timeout).
import { localPath } from './local-path.ts';
import type { StateBackendType } from '../state/state-backend.ts';
import { parseStateBackendType, stateBackendTypeKey } from '../state/state-backend-options.ts';

export interface ClusterOptions {
  /** NATS URL of the cluster. */
  url: string;
  /** Subject namespace: several clusters can share one NATS server. */
  namespace: string;
  /** How often each process (JobManager, TaskManager) sends its node heartbeat. */
  heartbeatIntervalMs: number;
  /** A process without a heartbeat for this long is lost: a TaskManager's jobs fail, a JobManager's slots are freed. */
  heartbeatTimeoutMs: number;
  /** How long a job waits for enough free slots before it fails. */
  slotRequestTimeoutMs: number;
  /** How long a process keeps reconnecting to a NATS server that went away (a restart) before it gives up and ends. */
  reconnectTimeoutMs: number;
  /** Flink's state.savepoints.dir: where a savepoint goes when its command names no directory. */
  savepointsDirectory?: string;
  /** The state backend of the jobs that choose none (Flink's `state.backend.type`; $SLUICE_STATE_BACKEND_TYPE). */
  stateBackend: StateBackendType;
}

export const defaultClusterOptions: Omit<ClusterOptions, 'url'> = {
  namespace: 'default',
  heartbeatIntervalMs: 500,
  heartbeatTimeoutMs: 3_000,
  slotRequestTimeoutMs: 10_000,
  reconnectTimeoutMs: 60_000,
  stateBackend: 'hashmap',
};

function positiveMs(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number of milliseconds, got "${raw}"`);
  return value;
}

/** Timeouts may be tuned per process through the environment (tests shorten them). */
export function clusterOptionsFrom(url: string, env: NodeJS.ProcessEnv = process.env): ClusterOptions {
  return {
    url,
    namespace: env.SLUICE_NAMESPACE || defaultClusterOptions.namespace,
    heartbeatIntervalMs: positiveMs('SLUICE_HEARTBEAT_INTERVAL_MS', env.SLUICE_HEARTBEAT_INTERVAL_MS, defaultClusterOptions.heartbeatIntervalMs),
    heartbeatTimeoutMs: positiveMs('SLUICE_HEARTBEAT_TIMEOUT_MS', env.SLUICE_HEARTBEAT_TIMEOUT_MS, defaultClusterOptions.heartbeatTimeoutMs),
    slotRequestTimeoutMs: positiveMs('SLUICE_SLOT_REQUEST_TIMEOUT_MS', env.SLUICE_SLOT_REQUEST_TIMEOUT_MS, defaultClusterOptions.slotRequestTimeoutMs),
    reconnectTimeoutMs: positiveMs('SLUICE_RECONNECT_TIMEOUT_MS', env.SLUICE_RECONNECT_TIMEOUT_MS, defaultClusterOptions.reconnectTimeoutMs),
    ...(env.SLUICE_STATE_SAVEPOINTS_DIR ? { savepointsDirectory: localPath(env.SLUICE_STATE_SAVEPOINTS_DIR, 'SLUICE_STATE_SAVEPOINTS_DIR') } : {}),
    stateBackend: env.SLUICE_STATE_BACKEND_TYPE ? parseStateBackendType(env.SLUICE_STATE_BACKEND_TYPE, `SLUICE_STATE_BACKEND_TYPE (${stateBackendTypeKey})`) : defaultClusterOptions.stateBackend,
  };
}
