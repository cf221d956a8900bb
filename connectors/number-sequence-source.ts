// Flink's NumberSequenceSource: `env.fromSource(new NumberSequenceSource(1, 1000),
// WatermarkStrategy.noWatermarks(), 'Sequence')`, and what `fromSequence(from, to)` runs. The
// integers from `from` to `to`, both included, in parallel: each subtask reads one contiguous
// part in ascending order, and its position is checkpointed (see SequenceReader).
import { Boundedness, type Source } from '../lib/connector/source/source.ts';
import type { ParallelSourceFunction } from '../lib/functions/functions.ts';
import { SequenceReader } from './sequence-reader.ts';

export class NumberSequenceSource implements Source<number> {
  constructor(private readonly from: number, private readonly to: number) {
    if (!Number.isSafeInteger(from) || !Number.isSafeInteger(to)) throw new Error(`NumberSequenceSource(${from}, ${to}): 'from' and 'to' must be safe integers`);
    if (from > to) throw new Error(`NumberSequenceSource(${from}, ${to}): 'from' must be <= 'to'`);
  }

  getFrom(): number {
    return this.from;
  }

  getTo(): number {
    return this.to;
  }

  getBoundedness(): Boundedness {
    return Boundedness.BOUNDED;
  }

  createReader(): ParallelSourceFunction<number> {
    return new SequenceReader(this.from, this.to, (n) => n);
  }
}
