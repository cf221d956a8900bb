// A task's accumulators by name, shared by the functions of its chain, and how they travel:
// a FINISHED task reports their snapshot, the JobMaster merges the subtasks' snapshots by
// name, and the client turns the merged values into the job's accumulator results.
import { DoubleCounter, Histogram, IntCounter, LongCounter, type Accumulator } from './accumulators.ts';

type Kind = 'IntCounter' | 'LongCounter' | 'DoubleCounter' | 'Histogram';

/** Plain data: counters as numbers, a histogram as [value, count] pairs. */
export type AccumulatorSnapshot = Record<string, { kind: Kind; value: number | Array<[number, number]> }>;

const kinds: Array<[Kind, new () => Accumulator<number, unknown>]> = [
  ['IntCounter', IntCounter], ['LongCounter', LongCounter], ['DoubleCounter', DoubleCounter], ['Histogram', Histogram],
];

function kindOf(accumulator: Accumulator<unknown, unknown>): Kind | undefined {
  return kinds.find(([, type]) => accumulator instanceof type)?.[0];
}

export class AccumulatorRegistry {
  private readonly accumulators = new Map<string, Accumulator<unknown, unknown>>();

  /** Flink refuses a second accumulator of one name, and so do we. */
  add(name: string, accumulator: Accumulator<any, any>): void {
    if (this.accumulators.has(name)) throw new Error(`The accumulator '${name}' already exists and cannot be added.`);
    if (!kindOf(accumulator)) throw new Error(`accumulator '${name}': only IntCounter, LongCounter, DoubleCounter and Histogram can be merged across subtasks (got ${accumulator.constructor.name})`);
    this.accumulators.set(name, accumulator);
  }

  get<A extends Accumulator<any, any>>(name: string): A | undefined {
    return this.accumulators.get(name) as A | undefined;
  }

  /** The accumulator of that name, created as `type` on first use; one of another kind is an error. */
  getOrAdd<A extends Accumulator<any, any>>(name: string, type: new () => A): A {
    const existing = this.accumulators.get(name);
    if (existing === undefined) {
      const created = new type();
      this.accumulators.set(name, created);
      return created;
    }
    if (!(existing instanceof type)) throw new Error(`accumulator '${name}' is of kind ${kindOf(existing)}, not ${type.name}`);
    return existing;
  }

  snapshot(): AccumulatorSnapshot {
    const snapshot: AccumulatorSnapshot = {};
    for (const [name, accumulator] of this.accumulators) {
      const value = accumulator.getLocalValue();
      snapshot[name] = { kind: kindOf(accumulator)!, value: value instanceof Map ? [...value] : value as number };
    }
    return snapshot;
  }
}

/** Merges subtasks' snapshots by name: counters add up, histograms add their counts. */
export function mergeAccumulatorSnapshots(snapshots: Iterable<AccumulatorSnapshot>): AccumulatorSnapshot {
  const merged: AccumulatorSnapshot = {};
  for (const snapshot of snapshots) {
    for (const [name, { kind, value }] of Object.entries(snapshot)) {
      const previous = merged[name];
      if (previous === undefined) merged[name] = { kind, value };
      else if (previous.kind !== kind) throw new Error(`accumulator '${name}' is of kind ${previous.kind} in one subtask and ${kind} in another`);
      else if (typeof value === 'number') merged[name] = { kind, value: (previous.value as number) + value };
      else {
        const counts = new Map(previous.value as Array<[number, number]>);
        for (const [bucket, count] of value) counts.set(bucket, (counts.get(bucket) ?? 0) + count);
        merged[name] = { kind, value: [...counts] };
      }
    }
  }
  return merged;
}

/** What `getAllAccumulatorResults()` gives: numbers, and each histogram as a Map in value order. */
export function accumulatorResults(snapshot: AccumulatorSnapshot | undefined): Map<string, unknown> {
  return new Map(Object.entries(snapshot ?? {}).map(([name, { kind, value }]) => [name, kind === 'Histogram'
    ? new Map([...(value as Array<[number, number]>)].sort(([a], [b]) => a - b))
    : kind === 'IntCounter' ? (value as number) | 0 : value]));
}
