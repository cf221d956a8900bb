// The `sluice` command: a subcommand per role or action. Usage errors and failures both
// print one line and exit 1; `--help` on the command or any subcommand prints its usage.
import 'reflect-metadata';
import { Command } from 'commander';
import { cancelCommand } from './commands/cancel-command.ts';
import { initCommand } from './commands/init-command.ts';
import { jobManagerCommand } from './commands/jobmanager-command.ts';
import { listCommand } from './commands/list-command.ts';
import { runCommand } from './commands/run-command.ts';
import { savepointCommand } from './commands/savepoint-command.ts';
import { stopCommand } from './commands/stop-command.ts';
import { taskManagerCommand } from './commands/taskmanager-command.ts';
import { oneLineUsageErrors } from './cli-options.ts';
import { sluicePackage } from './sluice-package.ts';

const program = oneLineUsageErrors(new Command('sluice'), 'sluice')
  .description("Apache Flink's DataStream API on actors over NATS.")
  .version(sluicePackage.version)
  .addHelpText('after', '\nRun `sluice <command> --help` for the options of a command.');
for (const command of [runCommand(), jobManagerCommand(), taskManagerCommand(), listCommand(), cancelCommand(), savepointCommand(), stopCommand(), initCommand()]) {
  program.addCommand(oneLineUsageErrors(command, `sluice ${command.name()}`));
}

try {
  await program.parseAsync();
} catch (error) {
  process.stderr.write(`sluice: ${error instanceof Error ? error.message : String(error)}\n`);
  if (process.env.SLUICE_LOG_LEVEL === 'debug' && error instanceof Error) process.stderr.write(`${error.stack}\n`);
  process.exitCode = 1;
}
// Lingering handles (a job's socket, a NATS reconnect timer) must not keep a finished command alive.
process.exit(process.exitCode);
