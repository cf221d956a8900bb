// `sluice taskmanager [--slots N] [--cluster URL]`: offers N slots until SIGINT/SIGTERM.
import { Command } from 'commander';
import { clusterOptionsFrom } from '../../settings/cluster-options.ts';
import { connectToCluster } from '../../nats/connect.ts';
import { startTaskManager } from '../../cluster/task-manager.ts';
import { clusterOption, clusterUrl, positiveInteger } from '../cli-options.ts';
import { serveUntilTerminated } from '../serve-until-terminated.ts';

async function taskManager(options: { slots?: string; cluster?: string }, command: Command): Promise<void> {
  const slots = positiveInteger(command, '--slots', options.slots) ?? 1;
  const clusterOptions = clusterOptionsFrom(clusterUrl(options.cluster));
  const nc = await connectToCluster(clusterOptions.url, 'sluice taskmanager', clusterOptions.reconnectTimeoutMs);
  const taskManager = await startTaskManager(nc, clusterOptions, slots);
  process.stderr.write(`TaskManager ${taskManager.tmId} running with ${slots} slot${slots === 1 ? '' : 's'} on ${clusterOptions.url}\n`);
  await serveUntilTerminated(nc, clusterOptions.url, () => taskManager.shutdown());
}

export function taskManagerCommand(): Command {
  return new Command('taskmanager')
    .summary('start a TaskManager with N slots')
    .description('Start a TaskManager (TaskExecutor); each slot runs in its own worker thread. It runs until SIGINT or SIGTERM.')
    .option('-s, --slots <n>', 'number of task slots (default: 1)')
    .addOption(clusterOption())
    .action(taskManager);
}
