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

/** Levenshtein distance, for telling a likely typo of an option. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = current;
  }
  return previous[b.length]!;
}

/** The command's long option that `flag` (`--name` or `--name=value`) is two edits or fewer from, if any. */
export function likelyMeantOption(command: Command, flag: string): string | undefined {
  const name = flag.split('=')[0]!;
  return command.options.map((option) => option.long).find((long): long is string => long !== undefined && long !== name && editDistance(long, name) <= 2);
}
