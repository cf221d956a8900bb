// `sluice list [--cluster URL]`: every job the JobManager knows, oldest first.
import { Command } from 'commander';
import { clusterOptionsFrom } from '../../settings/cluster-options.ts';
import { withClient } from '../../client/with-client.ts';
import { clusterOption, clusterUrl } from '../cli-options.ts';

async function list(options: { cluster?: string }): Promise<void> {
  const jobs = await withClient(clusterOptionsFrom(clusterUrl(options.cluster)), (client) => client.list());
  if (jobs.length === 0) {
    process.stdout.write('No jobs.\n');
    return;
  }
  const rows = jobs.map((job) => [job.jobId, job.status, new Date(job.startTime).toISOString(), job.jobName, job.reason ?? '']);
  const header = ['JOB ID', 'STATUS', 'START TIME', 'NAME', 'REASON'];
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)));
  for (const row of [header, ...rows]) {
    process.stdout.write(`${row.map((cell, column) => cell.padEnd(widths[column]!)).join('  ').trimEnd()}\n`);
  }
}

export function listCommand(): Command {
  return new Command('list')
    .summary('list jobs and their status')
    .description('List the jobs with their status, and the reason when one failed.')
    .addOption(clusterOption())
    .action(list);
}
