// A client for the length of one piece of work: connect, use, close and drain.
import { ClusterClient } from './cluster-client.ts';
import type { ClusterOptions } from '../settings/cluster-options.ts';
import { connectToCluster } from '../nats/connect.ts';

export async function withClient<T>(options: ClusterOptions, use: (client: ClusterClient) => Promise<T>): Promise<T> {
  const nc = await connectToCluster(options.url, 'sluice client', options.reconnectTimeoutMs);
  const client = await ClusterClient.start(nc, options.namespace);
  try {
    return await use(client);
  } finally {
    // A connection nats.js gave up on is closed already; closing it again would only hide why.
    if (!nc.isClosed()) {
      await client.close();
      await nc.drain();
    }
  }
}
