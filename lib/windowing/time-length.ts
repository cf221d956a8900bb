// A length of time as the windowing API takes it: Flink's `Time` (lib/api/time.ts), or any
// duration type with the same `toMilliseconds()`.

export interface TimeLength {
  toMilliseconds(): number;
}

/** The length in ms; `where` names the call in the error for a value that is not a finite number. */
export function milliseconds(length: TimeLength, where: string): number {
  const ms = typeof length?.toMilliseconds === 'function' ? length.toMilliseconds() : Number.NaN;
  if (!Number.isFinite(ms)) throw new TypeError(`${where}: expected a Time such as Time.seconds(5), got ${String(length)}`);
  return ms;
}
