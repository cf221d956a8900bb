// One place that opens NATS connections, so an unreachable cluster always reads the same way.
import { connect, type NatsConnection } from 'nats';

export class ClusterUnreachableError extends Error {}

export async function connectToCluster(url: string, name: string): Promise<NatsConnection> {
  try {
    return await connect({ servers: url, name, timeout: 3_000, maxReconnectAttempts: 10, reconnectTimeWait: 500 });
  } catch (error) {
    const cause = (error as { code?: string; message?: string });
    const why = cause.code === 'CONNECTION_REFUSED' ? 'connection refused' : cause.message ?? String(error);
    throw new ClusterUnreachableError(`cannot reach the Sluice cluster at ${url}: ${why}`);
  }
}
