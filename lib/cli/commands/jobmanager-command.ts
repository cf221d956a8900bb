// `sluice jobmanager [--cluster URL]`: runs the Dispatcher and ResourceManager until SIGINT/SIGTERM.
import { Command } from 'commander';
import { clusterOptionsFrom } from '../../settings/cluster-options.ts';
import { connectToCluster } from '../../nats/connect.ts';
import { startJobManager } from '../../cluster/job-manager.ts';
import { clusterOption, clusterUrl } from '../cli-options.ts';
import { serveUntilTerminated } from '../serve-until-terminated.ts';

async function jobManager(options: { cluster?: string }): Promise<void> {
  const clusterOptions = clusterOptionsFrom(clusterUrl(options.cluster));
  const nc = await connectToCluster(clusterOptions.url, 'sluice jobmanager', clusterOptions.reconnectTimeoutMs);
  const jobManager = await startJobManager(nc, clusterOptions);
  process.stderr.write(`JobManager running on ${clusterOptions.url} (namespace ${clusterOptions.namespace})\n`);
  await serveUntilTerminated(nc, clusterOptions.url, () => jobManager.shutdown());
}

export function jobManagerCommand(): Command {
  return new Command('jobmanager')
    .summary('start a JobManager (Dispatcher, ResourceManager)')
    .description('Start a JobManager (Dispatcher and ResourceManager); it runs until SIGINT or SIGTERM.')
    .addOption(clusterOption())
    .action(jobManager);
}
