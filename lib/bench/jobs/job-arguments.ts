// The benchmark jobs' command-line arguments: `sluice run job.ts -- --records 100000`.

export function stringArgument(name: string, fallback: string): string {
  const at = process.argv.indexOf(`--${name}`);
  return at === -1 ? fallback : process.argv[at + 1] ?? fallback;
}

export function positiveIntegerArgument(name: string, fallback: number): number {
  const text = stringArgument(name, String(fallback));
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a positive integer, got "${text}"`);
  return value;
}
