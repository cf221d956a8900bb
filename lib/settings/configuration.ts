// Flink's configuration, as a job or `sluice run -D key=value` gives it: string values by
// Flink's keys. Durations are written as Flink writes them: "500 ms", "1 s", "10 min", "1 h"
// (a bare number is milliseconds). A wrong value is one line naming the key.

export type Configuration = Readonly<Record<string, string>>;

const units: Record<string, number> = {
  ms: 1, milli: 1, millis: 1, millisecond: 1, milliseconds: 1,
  s: 1000, sec: 1000, secs: 1000, second: 1000, seconds: 1000,
  m: 60_000, min: 60_000, minute: 60_000, minutes: 60_000,
  h: 3_600_000, hour: 3_600_000, hours: 3_600_000,
  d: 86_400_000, day: 86_400_000, days: 86_400_000,
};

/** The duration under `key` in milliseconds, else `fallback`'s. */
export function durationOption(config: Configuration, key: string, fallback: string): number {
  const raw = config[key] ?? fallback;
  const match = /^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$/i.exec(raw);
  const unit = match ? units[(match[2] || 'ms').toLowerCase()] : undefined;
  if (!match || unit === undefined) throw new Error(`${key}: '${raw}' is not a duration (e.g. '500 ms', '10 s', '1 min')`);
  return Number(match[1]) * unit;
}

export function numberOption(config: Configuration, key: string, fallback: number): number {
  const raw = config[key];
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(value)) throw new Error(`${key}: '${raw}' is not a number`);
  return value;
}

/** `key=value` pairs (as `-D` gives them) as a Configuration; `where` names their origin in errors. */
export function parseDynamicProperties(pairs: readonly string[], where: string): Configuration {
  const configuration: Record<string, string> = {};
  for (const pair of pairs) {
    const at = pair.indexOf('=');
    if (at <= 0) throw new Error(`${where}: '${pair}' is not a key=value pair (e.g. -Dexecution.runtime-mode=BATCH)`);
    configuration[pair.slice(0, at).trim()] = pair.slice(at + 1).trim();
  }
  return configuration;
}

/** `true` or `false` (any case) under `key`, else `fallback`. */
export function booleanOption(config: Configuration, key: string, fallback: boolean): boolean {
  const raw = config[key];
  if (raw === undefined) return fallback;
  const value = raw.trim().toLowerCase();
  if (value !== 'true' && value !== 'false') throw new Error(`${key}: '${raw}' is not a boolean (true or false)`);
  return value === 'true';
}

/** The value of the first of `keys` that is set: Flink renamed options and reads both names. */
export function firstKey(config: Configuration, keys: readonly string[]): string | undefined {
  return keys.find((key) => config[key] !== undefined);
}
