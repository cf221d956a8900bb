// One place that opens NATS connections, so an unreachable cluster always reads the same way.
import { connect, type NatsConnection } from 'nats';

export class ClusterUnreachableError extends Error {}

const reconnectWaitMs = 500;

/**
 * Reconnects every half second for `reconnectTimeoutMs` (forever when Infinity), so that a
 * nats-server restart does not end the process; what was lost meanwhile is for the owners of
 * the connection to notice (ConnectionWatch). After that the connection closes.
 */
export async function connectToCluster(url: string, name: string, reconnectTimeoutMs: number): Promise<NatsConnection> {
  const maxReconnectAttempts = Number.isFinite(reconnectTimeoutMs) ? Math.ceil(reconnectTimeoutMs / reconnectWaitMs) : -1;
  try {
    return await connect({ servers: url, name, timeout: 3_000, maxReconnectAttempts, reconnectTimeWait: reconnectWaitMs });
  } catch (error) {
    const cause = (error as { code?: string; message?: string });
    const why = cause.code === 'CONNECTION_REFUSED' ? 'connection refused' : cause.message ?? String(error);
    throw new ClusterUnreachableError(`cannot reach the Sluice cluster at ${url}: ${why}`);
  }
}
