// `sluice savepoint <jobId> [targetDirectory] [--cluster URL]` (Flink's `flink savepoint`):
// takes a savepoint of a running job, which goes on running, and prints its path.
import { localPath } from '../../settings/local-path.ts';
import { Command } from 'commander';
import { clusterOptionsFrom } from '../../settings/cluster-options.ts';
import { withClient } from '../../client/with-client.ts';
import { clusterOption, clusterUrl } from '../cli-options.ts';

async function savepoint(jobId: string, targetDirectory: string | undefined, options: { cluster?: string }): Promise<number> {
  process.stderr.write(`Triggering savepoint for job ${jobId}.\n`);
  const path = await withClient(clusterOptionsFrom(clusterUrl(options.cluster)), (client) => client.triggerSavepoint(jobId, targetDirectory && localPath(targetDirectory, 'targetDirectory')));
  process.stdout.write(`Savepoint completed. Path: ${path}\nYou can resume your program from this savepoint with the run command.\n`);
  return 0;
}

export function savepointCommand(): Command {
  return new Command('savepoint')
    .summary('take a savepoint of a running job')
    .description('Take a savepoint of a running job; the job goes on running. `sluice run --fromSavepoint <path>` starts a job from it.')
    .argument('<jobId>', 'the job, as `sluice list` shows it')
    .argument('[targetDirectory]', "the directory the savepoint goes into (default: the JobManager's state.savepoints.dir, $SLUICE_STATE_SAVEPOINTS_DIR)")
    .addOption(clusterOption())
    .action(async (jobId: string, targetDirectory: string | undefined, options: { cluster?: string }) => {
      process.exitCode = await savepoint(jobId, targetDirectory, options);
    });
}
