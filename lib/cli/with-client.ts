// Short-lived commands open a connection, do one thing and close it.
import { ClusterClient } from '../client/cluster-client.ts';
import type { ClusterOptions } from '../cluster/cluster-options.ts';
import { connectToCluster } from '../cluster/connect.ts';

export async function withClient<T>(options: ClusterOptions, use: (client: ClusterClient) => Promise<T>): Promise<T> {
  const nc = await connectToCluster(options.url, 'sluice client');
  const client = await ClusterClient.start(nc, options.namespace);
  try {
    return await use(client);
  } finally {
    await client.close();
    await nc.drain();
  }
}
