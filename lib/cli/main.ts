// The `sluice` command: a subcommand per role or action; errors print one line and exit 1.
import 'reflect-metadata';
import { cancelCommand } from './commands/cancel-command.ts';
import { jobManagerCommand } from './commands/jobmanager-command.ts';
import { listCommand } from './commands/list-command.ts';
import { runCommand } from './commands/run-command.ts';
import { taskManagerCommand } from './commands/taskmanager-command.ts';

const help = `usage: sluice <command> [options]

  run <job.ts|job.js> [--parallelism N] [--cluster URL] [--detached] [-- job args]
                        run a job; without --cluster on an embedded local cluster
  jobmanager [--cluster URL]             start a JobManager (Dispatcher, ResourceManager)
  taskmanager [--slots N] [--cluster URL] start a TaskManager with N slots
  list [--cluster URL]                   list jobs and their status
  cancel <jobId> [--cluster URL]         cancel a job

URL defaults to $SLUICE_CLUSTER, else nats://127.0.0.1:4222 (except for run).
`;

const commands: Record<string, (args: string[]) => Promise<number>> = {
  run: runCommand,
  jobmanager: jobManagerCommand,
  taskmanager: taskManagerCommand,
  list: listCommand,
  cancel: cancelCommand,
};

const [name, ...args] = process.argv.slice(2);
if (!name || name === '--help' || name === '-h' || name === 'help') {
  process.stdout.write(help);
  process.exit(name ? 0 : 2);
}
const command = commands[name];
if (!command) {
  process.stderr.write(`sluice: unknown command "${name}"\n${help}`);
  process.exit(2);
}
try {
  process.exitCode = await command(args);
} catch (error) {
  process.stderr.write(`sluice: ${error instanceof Error ? error.message : String(error)}\n`);
  if (process.env.SLUICE_LOG_LEVEL === 'debug' && error instanceof Error) process.stderr.write(`${error.stack}\n`);
  process.exitCode = 1;
}
// Lingering handles (a job's socket, a NATS reconnect timer) must not keep a finished command alive.
process.exit(process.exitCode);
