// Interleaved runs and their median: a baseline and a job take turns (baseline, job,
// baseline, job, …), so a machine that gets busier or quieter meanwhile affects both alike.

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Runs `rounds` × (baseline, job) and returns all readings of each, in order. */
export async function interleave<R>(rounds: number, baseline: () => Promise<R>, job: () => Promise<R>): Promise<{ baseline: R[]; job: R[] }> {
  const readings = { baseline: [] as R[], job: [] as R[] };
  for (let round = 0; round < rounds; round++) {
    readings.baseline.push(await baseline());
    readings.job.push(await job());
  }
  return readings;
}
