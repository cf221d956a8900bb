// Command-line options may come before or after positionals, as `sluice run job.ts -p 4`;
// everything after `--` is passed to the job untouched.
import { parseArgs } from 'node:util';

export class UsageError extends Error {}

export interface ParsedArgs {
  positionals: string[];
  options: Record<string, string | boolean | undefined>;
  passthrough: string[];
}

export type OptionSpec = Record<string, { type: 'string' | 'boolean'; short?: string }>;

export function parseCommandArgs(command: string, args: string[], spec: OptionSpec): ParsedArgs {
  const split = args.indexOf('--');
  const own = split === -1 ? args : args.slice(0, split);
  try {
    const { values, positionals } = parseArgs({ args: own, options: spec, allowPositionals: true, strict: true });
    return { positionals, options: values as ParsedArgs['options'], passthrough: split === -1 ? [] : args.slice(split + 1) };
  } catch (error) {
    throw new UsageError(`sluice ${command}: ${(error as Error).message}`);
  }
}

export function positiveInteger(name: string, raw: string | boolean | undefined, fallback?: number): number | undefined {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new UsageError(`${name} must be a positive integer, got "${raw}"`);
  return value;
}

export const clusterOption = { cluster: { type: 'string' } } as const satisfies OptionSpec;

/** The cluster to talk to: --cluster, else $SLUICE_CLUSTER, else a NATS server on this host. */
export function clusterUrl(options: ParsedArgs['options']): string {
  return (options.cluster as string | undefined) ?? process.env.SLUICE_CLUSTER ?? 'nats://127.0.0.1:4222';
}
