// The embedded default: a nats-server from nats.conf on a free loopback port, a JobManager
// and a TaskManager in this process. `sluice run` without --cluster uses it.
import { startJobManager } from './job-manager.ts';
import { startNatsServer } from '../nats/nats-server.ts';
import { startTaskManager } from './task-manager.ts';
import { clusterOptionsFrom, type ClusterOptions } from '../settings/cluster-options.ts';
import { connectToCluster } from '../nats/connect.ts';

export interface LocalCluster {
  options: ClusterOptions;
  /** Of the embedded nats-server: `npm run bench` counts its CPU time. */
  serverPid: number;
  shutdown(): Promise<void>;
}

export async function startLocalCluster(slots: number): Promise<LocalCluster> {
  const server = await startNatsServer();
  const stops: (() => Promise<void>)[] = [() => server.stop()];
  const shutdown = async () => {
    for (const stop of stops.reverse()) await stop().catch(() => undefined);
  };
  try {
    const options = clusterOptionsFrom(server.url);
    const jobManagerConnection = await connectToCluster(server.url, 'sluice embedded jobmanager', options.reconnectTimeoutMs);
    stops.push(() => jobManagerConnection.drain());
    const jobManager = await startJobManager(jobManagerConnection, options);
    stops.push(() => jobManager.shutdown());
    const taskManagerConnection = await connectToCluster(server.url, 'sluice embedded taskmanager', options.reconnectTimeoutMs);
    stops.push(() => taskManagerConnection.drain());
    const taskManager = await startTaskManager(taskManagerConnection, options, slots);
    stops.push(() => taskManager.shutdown());
    return { options, serverPid: server.pid, shutdown };
  } catch (error) {
    await shutdown();
    throw error;
  }
}
