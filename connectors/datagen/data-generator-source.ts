// Flink's DataGeneratorSource: `count` records made by a GeneratorFunction from their index
// 0 … count - 1, read in parallel (each subtask one contiguous part of the indexes), at most
// as fast as the RateLimiterStrategy allows. The position is checkpointed, so after a restore
// no index is generated twice or skipped. Bounded, as in Flink (a count of
// Number.MAX_SAFE_INTEGER runs practically for ever).
import { Boundedness, type Source } from '../../lib/connector/source/source.ts';
import type { ParallelSourceFunction } from '../../lib/functions/functions.ts';
import { SequenceReader } from '../sequence-reader.ts';
import { RateLimiterStrategy } from './rate-limiter-strategy.ts';

/** Flink's GeneratorFunction: makes the record of one index. */
export interface GeneratorFunction<IN, OUT> {
  map(value: IN): OUT;
}

export class DataGeneratorSource<OUT> implements Source<OUT> {
  private readonly generator: GeneratorFunction<number, OUT>;

  constructor(
    generatorFunction: GeneratorFunction<number, OUT> | ((index: number) => OUT),
    private readonly count: number,
    private readonly rateLimiterStrategy: RateLimiterStrategy = RateLimiterStrategy.noOp(),
  ) {
    this.generator = typeof generatorFunction === 'function' ? { map: generatorFunction } : generatorFunction;
    if (typeof this.generator?.map !== 'function') throw new Error('DataGeneratorSource: the generator function must be a function or have a map method');
    if (!Number.isSafeInteger(count) || count < 0) throw new Error(`DataGeneratorSource: the count must be a non-negative safe integer (got ${count})`);
  }

  getBoundedness(): Boundedness {
    return Boundedness.BOUNDED;
  }

  createReader(): ParallelSourceFunction<OUT> {
    const { generator } = this;
    return new SequenceReader(0, this.count - 1, (index) => generator.map(index), this.rateLimiterStrategy.recordsPerSecond);
  }
}
