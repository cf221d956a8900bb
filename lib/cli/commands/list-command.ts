// `sluice list [-r] [-s] [-a] [--cluster URL]`: the jobs, as Flink's `flink list` prints them:
// running and restarting jobs, then scheduled (created) ones, oldest first, one line each,
// `<dd.MM.yyyy HH:mm:ss> : <job id> : <name> (<status>)`; with --all also the ended ones, each
// failed one followed by its cause, indented.
import { Command } from 'commander';
import { clusterOptionsFrom } from '../../settings/cluster-options.ts';
import { withClient } from '../../client/with-client.ts';
import { terminalStatuses, type JobSummary } from '../../job/job-submission.ts';
import { clusterOption, clusterUrl } from '../cli-options.ts';

interface ListOptions {
  cluster?: string;
  running?: boolean;
  scheduled?: boolean;
  all?: boolean;
}

const rule = '--------------------------------------------------------------';

async function list(options: ListOptions): Promise<void> {
  // As in Flink: no flag lists the running and the scheduled jobs.
  const all = options.all ?? false;
  const showRunning = all || options.running || !options.scheduled;
  const showScheduled = all || options.scheduled || !options.running;
  process.stdout.write('Waiting for response...\n');
  const jobs = (await withClient(clusterOptionsFrom(clusterUrl(options.cluster)), (client) => client.list()))
    .sort((a, b) => a.startTime - b.startTime);
  const scheduled = jobs.filter((job) => job.status === 'CREATED');
  const ended = jobs.filter((job) => terminalStatuses.has(job.status));
  const running = jobs.filter((job) => !scheduled.includes(job) && !ended.includes(job));
  if (showRunning) printSection('Running/Restarting Jobs', 'No running jobs.', running);
  if (showScheduled) printSection('Scheduled Jobs', 'No scheduled jobs.', scheduled);
  if (all && ended.length > 0) printSection('Terminated Jobs', '', ended);
}

function printSection(title: string, whenEmpty: string, jobs: JobSummary[]): void {
  if (jobs.length === 0) {
    process.stdout.write(`${whenEmpty}\n`);
    return;
  }
  const dashes = rule.length - title.length - 2;
  process.stdout.write(`${'-'.repeat(Math.floor(dashes / 2))} ${title} ${'-'.repeat(Math.ceil(dashes / 2))}\n`);
  for (const job of jobs) {
    process.stdout.write(`${formatDate(new Date(job.startTime))} : ${job.jobId} : ${job.jobName} (${job.status})\n`);
    if (job.status === 'FAILED' && job.reason) process.stdout.write(`    cause: ${job.reason}\n`);
  }
  process.stdout.write(`${rule}\n`);
}

/** Flink's `dd.MM.yyyy HH:mm:ss`, in local time. */
function formatDate(date: Date): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(date.getDate())}.${two(date.getMonth() + 1)}.${date.getFullYear()} ${two(date.getHours())}:${two(date.getMinutes())}:${two(date.getSeconds())}`;
}

export function listCommand(): Command {
  return new Command('list')
    .summary('list jobs and their status')
    .description('List the running and restarting jobs, then the scheduled ones, as `flink list` does; --all also lists the ended jobs, with the cause of each failed one.')
    .option('-r, --running', 'only the running and restarting jobs')
    .option('-s, --scheduled', 'only the scheduled jobs')
    .option('-a, --all', 'every job, the ended ones too')
    .addOption(clusterOption())
    .action(list);
}
