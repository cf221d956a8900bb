// `sluice jobmanager [--cluster URL]`: runs the Dispatcher and ResourceManager until SIGINT/SIGTERM.
import { clusterOptionsFrom } from '../../settings/cluster-options.ts';
import { connectToCluster } from '../../nats/connect.ts';
import { startJobManager } from '../../cluster/job-manager.ts';
import { clusterOption, clusterUrl, parseCommandArgs } from '../cli-args.ts';
import { untilTerminated } from '../until-terminated.ts';

export async function jobManagerCommand(args: string[]): Promise<number> {
  const { options } = parseCommandArgs('jobmanager', args, clusterOption);
  const clusterOptions = clusterOptionsFrom(clusterUrl(options));
  const nc = await connectToCluster(clusterOptions.url, 'sluice jobmanager');
  const jobManager = await startJobManager(nc, clusterOptions);
  process.stderr.write(`JobManager running on ${clusterOptions.url} (namespace ${clusterOptions.namespace})\n`);
  await untilTerminated();
  await jobManager.shutdown();
  await nc.drain();
  return 0;
}
