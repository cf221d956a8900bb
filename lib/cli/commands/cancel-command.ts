// `sluice cancel <jobId> [--cluster URL]`: cancels the job and waits until every subtask stopped.
import { Command } from 'commander';
import { clusterOptionsFrom } from '../../settings/cluster-options.ts';
import { withClient } from '../../client/with-client.ts';
import { clusterOption, clusterUrl } from '../cli-options.ts';

async function cancel(jobId: string, options: { cluster?: string }): Promise<number> {
  const final = await withClient(clusterOptionsFrom(clusterUrl(options.cluster)), async (client) => {
    const watch = client.watch(jobId);
    try {
      await client.cancel(jobId);
    } catch (error) {
      watch.stop();
      throw error;
    }
    return watch.terminated;
  });
  process.stdout.write(`Job ${jobId} ${final.status}\n`);
  return final.status === 'CANCELED' ? 0 : 1;
}

export function cancelCommand(): Command {
  return new Command('cancel')
    .summary('cancel a job')
    .description('Cancel a job and wait until every subtask has stopped.')
    .argument('<jobId>', 'the job to cancel, as `sluice list` shows it')
    .addOption(clusterOption())
    .action(async (jobId: string, options: { cluster?: string }) => { process.exitCode = await cancel(jobId, options); });
}
