// Benchmark (c)'s figures, and the pacing both its job and its raw NATS baseline emit by:
// `rate` records a second, each stamped with the wall clock when it leaves. Both ends read
// `performance.timeOrigin + performance.now()`: the wall clock with sub-ms resolution,
// comparable across threads, where `Date.now()` has whole milliseconds only.

export interface LatencyReport {
  samples: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
}

export interface Stamped {
  seq: number;
  /** Wall clock in ms, sub-ms resolution. */
  emittedAt: number;
}

export const wallClockMs = (): number => performance.timeOrigin + performance.now();

/** Calls `emit` for records 0 … rate × seconds − 1 on schedule (a late tick catches up), while `running()`. */
export async function emitPaced(rate: number, seconds: number, emit: (record: Stamped) => void | Promise<void>, running: () => boolean = () => true): Promise<void> {
  const total = rate * seconds;
  const start = wallClockMs();
  for (let seq = 0; running() && seq < total;) {
    const wait = start + (seq * 1000) / rate - wallClockMs();
    if (wait > 0) {
      await new Promise((resolve) => setTimeout(resolve, wait));
      continue;
    }
    const pending = emit({ seq: seq++, emittedAt: wallClockMs() });
    if (pending) await pending;
  }
}

/** Each record's latency from its emission to now, once past the warm-up (the first `warmUpRecords`). */
export class LatencyRecorder {
  private readonly latencies: number[] = [];

  constructor(private readonly warmUpRecords: number) {}

  record(stamped: Stamped): void {
    if (stamped.seq >= this.warmUpRecords) this.latencies.push(wallClockMs() - stamped.emittedAt);
  }

  report(): LatencyReport {
    const sorted = Float64Array.from(this.latencies).sort();
    const at = (quantile: number) => sorted[Math.min(sorted.length - 1, Math.floor(quantile * sorted.length))] ?? NaN;
    return { samples: sorted.length, p50Ms: at(0.5), p99Ms: at(0.99), maxMs: at(1) };
  }
}
