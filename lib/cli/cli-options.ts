// What the subcommands share: the --cluster option, number checks, and usage errors as
// Sluice prints every error, on one line that names the command.
import { Command, Option } from 'commander';

const defaultClusterUrl = 'nats://127.0.0.1:4222';

export function clusterOption(): Option {
  return new Option('--cluster <url>', `NATS URL of the cluster (default: $SLUICE_CLUSTER, else ${defaultClusterUrl})`);
}

/** The cluster to talk to: --cluster, else $SLUICE_CLUSTER, else a NATS server on this host. */
export function clusterUrl(cluster: string | undefined): string {
  return cluster ?? process.env.SLUICE_CLUSTER ?? defaultClusterUrl;
}

/** Checked in the action rather than by an argument parser, so the message names the flag as typed. */
export function positiveInteger(command: Command, flag: string, raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) command.error(`${flag} must be a positive integer, got "${raw}"`);
  return value;
}

/**
 * Commander reports `error: unknown option '--paralelism'` and its suggestion on a second
 * line; Sluice prints `sluice run: unknown option --paralelism (did you mean --parallelism?)`.
 */
export function oneLineUsageErrors(command: Command, path: string): Command {
  return command.configureOutput({
    outputError: (text, write) => {
      const message = text.trim()
        .replace(/^error: /, '')
        .replace(/'([^'\s]+)'/g, '$1')
        .replace(/\n\(Did you mean (.+)\?\)$/, ' (did you mean $1?)');
      write(`${path}: ${message}\n`);
    },
  });
}
