// `sluice stop <jobId> [--savepointPath dir] [--drain] [--cluster URL]` (Flink's `flink stop`):
// stop-with-savepoint. The sources stop, a final savepoint is taken, the job ends FINISHED.
import { localPath } from '../../settings/local-path.ts';
import { Command } from 'commander';
import { clusterOptionsFrom } from '../../settings/cluster-options.ts';
import { withClient } from '../../client/with-client.ts';
import { clusterOption, clusterUrl } from '../cli-options.ts';

interface StopOptions {
  savepointPath?: string;
  drain?: boolean;
  cluster?: string;
}

async function stop(jobId: string, options: StopOptions): Promise<number> {
  process.stderr.write(`${options.drain ? 'Draining' : 'Suspending'} job "${jobId}" with a savepoint.\n`);
  const { path, final } = await withClient(clusterOptionsFrom(clusterUrl(options.cluster)), async (client) => {
    const watch = client.watch(jobId);
    try {
      const path = await client.stopWithSavepoint(jobId, options.drain ?? false, options.savepointPath && localPath(options.savepointPath, '--savepointPath'));
      return { path, final: await watch.terminated };
    } finally {
      watch.stop();
    }
  });
  process.stdout.write(`Savepoint completed. Path: ${path}\n`);
  if (final.status === 'FINISHED') return 0;
  process.stderr.write(`sluice: job ${jobId} ${final.status}${final.reason ? `: ${final.reason}` : ''}\n`);
  return 1;
}

export function stopCommand(): Command {
  return new Command('stop')
    .summary('stop a job with a savepoint')
    .description('Stop a job with a savepoint: its sources stop, a final savepoint is taken, and the job ends FINISHED. '
      + 'Without --drain event time stays where it is (timers fire after a resume); with it, MAX_WATERMARK first fires every event-time timer.')
    .argument('<jobId>', 'the job, as `sluice list` shows it')
    .option('-p, --savepointPath <dir>', "the directory the savepoint goes into (default: the JobManager's state.savepoints.dir, $SLUICE_STATE_SAVEPOINTS_DIR)")
    .option('-d, --drain', 'emit MAX_WATERMARK before the savepoint, so that every event-time timer fires')
    .addOption(clusterOption())
    .action(async (jobId: string, options: StopOptions) => { process.exitCode = await stop(jobId, options); });
}
