// What a TTL state stores in place of the user's value (Flink's TtlValue): the value and when
// it was last written (or read, with OnReadAndWrite). Plain data, so it snapshots as it is.
import type { StateTtlConfig } from './state-ttl-config.ts';

export interface TtlValue<T> {
  v: T;
  /** Processing time in ms of the last access that refreshed it. */
  ts: number;
}

export function isExpired(value: TtlValue<unknown>, config: StateTtlConfig, now: number): boolean {
  return value.ts + config.ttl <= now;
}
