// A length of time, as Flink's API takes it (java.time.Duration): `Duration.ofSeconds(5)`.
// Where a Duration is expected, the windowing API's `Time` is accepted too.
import type { Time } from '../api/time.ts';

export class Duration {
  static readonly ZERO = new Duration(0);

  private constructor(private readonly millis: number) {}

  static ofMillis(millis: number): Duration {
    return new Duration(millis);
  }

  static ofSeconds(seconds: number): Duration {
    return new Duration(seconds * 1000);
  }

  static ofMinutes(minutes: number): Duration {
    return new Duration(minutes * 60_000);
  }

  static ofHours(hours: number): Duration {
    return new Duration(hours * 3_600_000);
  }

  static ofDays(days: number): Duration {
    return new Duration(days * 86_400_000);
  }

  toMillis(): number {
    return this.millis;
  }

  toString(): string {
    return `${this.millis} ms`;
  }
}

export type DurationLike = Duration | Time;

/** The length in ms; `what` names the argument for the error on a negative or non-finite length. */
export function durationMillis(duration: DurationLike, what: string): number {
  const millis = duration instanceof Duration ? duration.toMillis() : duration.toMilliseconds();
  if (!Number.isFinite(millis) || millis < 0) throw new Error(`${what} must be a finite, non-negative duration (got ${millis} ms)`);
  return millis;
}
