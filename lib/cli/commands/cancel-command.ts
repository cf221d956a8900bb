// `sluice cancel <jobId> [--cluster URL]`: cancels the job and waits until every subtask stopped.
import { clusterOptionsFrom } from '../../settings/cluster-options.ts';
import { withClient } from '../../client/with-client.ts';
import { clusterOption, clusterUrl, parseCommandArgs, UsageError } from '../cli-args.ts';

export async function cancelCommand(args: string[]): Promise<number> {
  const { positionals, options } = parseCommandArgs('cancel', args, clusterOption);
  const jobId = positionals[0];
  if (!jobId) throw new UsageError('usage: sluice cancel <jobId> [--cluster nats://host:4222]');
  const final = await withClient(clusterOptionsFrom(clusterUrl(options)), async (client) => {
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
