// `sluice list [--cluster URL]`: every job the JobManager knows, oldest first.
import { ClusterClient } from '../../client/cluster-client.ts';
import { clusterOptionsFrom } from '../../settings/cluster-options.ts';
import { withClient } from '../../client/with-client.ts';
import { clusterOption, clusterUrl, parseCommandArgs } from '../cli-args.ts';

export async function listCommand(args: string[]): Promise<number> {
  const { options } = parseCommandArgs('list', args, clusterOption);
  const jobs = await withClient(clusterOptionsFrom(clusterUrl(options)), (client: ClusterClient) => client.list());
  if (jobs.length === 0) {
    process.stdout.write('No jobs.\n');
    return 0;
  }
  const rows = jobs.map((job) => [job.jobId, job.status, new Date(job.startTime).toISOString(), job.jobName, job.reason ?? '']);
  const header = ['JOB ID', 'STATUS', 'START TIME', 'NAME', 'REASON'];
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)));
  for (const row of [header, ...rows]) {
    process.stdout.write(`${row.map((cell, column) => cell.padEnd(widths[column]!)).join('  ').trimEnd()}\n`);
  }
  return 0;
}
