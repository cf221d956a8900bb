// Flink's Source (FLIP-27), as `env.fromSource(source, watermarkStrategy, name)` takes it.
// Here a Source hands each parallel subtask a reader in the shape of a parallel source
// function; its position is the reader's operator state, checkpointed like any other.
import type { ParallelSourceFunction } from '../../functions/functions.ts';

export const Boundedness = {
  BOUNDED: 'BOUNDED',
  CONTINUOUS_UNBOUNDED: 'CONTINUOUS_UNBOUNDED',
} as const;
export type Boundedness = (typeof Boundedness)[keyof typeof Boundedness];

export interface Source<T> {
  getBoundedness(): Boundedness;
  /** The reader one subtask runs: a fresh one for each. */
  createReader(): ParallelSourceFunction<T>;
}
