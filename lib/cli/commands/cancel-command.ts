// `sluice cancel <jobId> [--cluster URL]`: cancels the job and waits until every subtask stopped;
// it prints what Flink's `flink cancel` prints.
import { Command } from 'commander';
import { clusterOptionsFrom } from '../../settings/cluster-options.ts';
import { withClient } from '../../client/with-client.ts';
import { clusterOption, clusterUrl } from '../cli-options.ts';

async function cancel(jobId: string, options: { cluster?: string }): Promise<number> {
  process.stdout.write(`Cancelling job ${jobId}.\n`);
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
  if (final.status === 'CANCELED') {
    process.stdout.write(`Cancelled job ${jobId}.\n`);
    return 0;
  }
  process.stderr.write(`sluice: job ${jobId} ended ${final.status}${final.reason ? `: ${final.reason}` : ''}, not cancelled\n`);
  return 1;
}

export function cancelCommand(): Command {
  return new Command('cancel')
    .summary('cancel a job')
    .description('Cancel a job and wait until every subtask has stopped.')
    .argument('<jobId>', 'the job to cancel, as `sluice list` shows it')
    .addOption(clusterOption())
    .action(async (jobId: string, options: { cluster?: string }) => { process.exitCode = await cancel(jobId, options); });
}
