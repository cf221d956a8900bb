// One place that opens NATS connections, so an unreachable cluster always reads the same way.
import { connect, type NatsConnection } from 'nats';

export class ClusterUnreachableError extends Error {}

/**
 * Reconnects forever, every half second: a nats-server restart must not end a process.
 * What was lost meanwhile is for the owners of the connection to notice (ConnectionWatch).
 */
export async function connectToCluster(url: string, name: string): Promise<NatsConnection> {
  try {
    return await connect({ servers: url, name, timeout: 3_000, maxReconnectAttempts: -1, reconnectTimeWait: 500 });
  } catch (error) {
    const cause = (error as { code?: string; message?: string });
    const why = cause.code === 'CONNECTION_REFUSED' ? 'connection refused' : cause.message ?? String(error);
    throw new ClusterUnreachableError(`cannot reach the Sluice cluster at ${url}: ${why}`);
  }
}
