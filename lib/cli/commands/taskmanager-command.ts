// `sluice taskmanager [--slots N] [--cluster URL]`: offers N slots until SIGINT/SIGTERM.
import { clusterOptionsFrom } from '../../settings/cluster-options.ts';
import { connectToCluster } from '../../nats/connect.ts';
import { startTaskManager } from '../../cluster/task-manager.ts';
import { clusterOption, clusterUrl, parseCommandArgs, positiveInteger } from '../cli-args.ts';
import { untilTerminated } from '../until-terminated.ts';

export async function taskManagerCommand(args: string[]): Promise<number> {
  const { options } = parseCommandArgs('taskmanager', args, { ...clusterOption, slots: { type: 'string', short: 's' } });
  const slots = positiveInteger('--slots', options.slots, 1)!;
  const clusterOptions = clusterOptionsFrom(clusterUrl(options));
  const nc = await connectToCluster(clusterOptions.url, 'sluice taskmanager');
  const taskManager = await startTaskManager(nc, clusterOptions, slots);
  process.stderr.write(`TaskManager ${taskManager.tmId} running with ${slots} slot${slots === 1 ? '' : 's'} on ${clusterOptions.url}\n`);
  await untilTerminated();
  await taskManager.shutdown();
  await nc.drain();
  return 0;
}
