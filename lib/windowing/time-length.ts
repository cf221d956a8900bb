// A length of time as the windowing API takes it: Flink's `Time` (lib/api/time.ts,
// `toMilliseconds()`), or a java.time-style Duration (`toMillis()`).

export type TimeLength = { toMilliseconds(): number } | { toMillis(): number };

/** The length in ms; `where` names the call in the error for a value that is not a finite number. */
export function milliseconds(length: TimeLength, where: string): number {
  const ms = typeof (length as { toMilliseconds?: unknown })?.toMilliseconds === 'function'
    ? (length as { toMilliseconds(): number }).toMilliseconds()
    : typeof (length as { toMillis?: unknown })?.toMillis === 'function' ? (length as { toMillis(): number }).toMillis() : Number.NaN;
  if (!Number.isFinite(ms)) throw new TypeError(`${where}: expected a Time such as Time.seconds(5) or a Duration, got ${String(length)}`);
  return ms;
}
