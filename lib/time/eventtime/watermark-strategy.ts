// Flink's WatermarkStrategy: how `assignTimestampsAndWatermarks` stamps events and tracks
// event time. It creates, for each operator instance, a TimestampAssigner and a
// WatermarkGenerator:
// ```ts
// WatermarkStrategy.forBoundedOutOfOrderness<Reading>(Duration.ofSeconds(1))
//   .withTimestampAssigner((reading) => reading.time)
//   .withIdleness(Duration.ofMinutes(1))
// ```
import { durationMillis, type DurationLike } from '../duration.ts';
import { AscendingTimestampsWatermarks } from './ascending-timestamps-watermarks.ts';
import { BoundedOutOfOrdernessWatermarks } from './bounded-out-of-orderness-watermarks.ts';
import { NoWatermarksGenerator } from './no-watermarks-generator.ts';
import { RecordTimestampAssigner } from './record-timestamp-assigner.ts';
import type { SerializableTimestampAssigner, TimestampAssigner, TimestampAssignerSupplier } from './timestamp-assigner.ts';
import type { WatermarkGenerator, WatermarkGeneratorSupplier, WatermarkGeneratorSupplierContext } from './watermark-generator.ts';
import { WatermarksWithIdleness } from './watermarks-with-idleness.ts';

/** What `withTimestampAssigner` takes: a lambda, an object with `extractTimestamp`, or a supplier of fresh assigners. */
export type TimestampAssignerLike<T> = SerializableTimestampAssigner<T> | TimestampAssigner<T> | TimestampAssignerSupplier<T>;

export abstract class WatermarkStrategy<T> {
  abstract createWatermarkGenerator(context: WatermarkGeneratorSupplierContext): WatermarkGenerator<T>;

  /** By default the record's own timestamp (set by the source) is kept. */
  createTimestampAssigner(): TimestampAssigner<T> {
    return new RecordTimestampAssigner<T>();
  }

  /** This strategy, with the event timestamps taken from the events by `assigner`. */
  withTimestampAssigner(assigner: TimestampAssignerLike<T>): WatermarkStrategy<T> {
    return new WatermarkStrategyWithTimestampAssigner(this, assignerSupplier(assigner));
  }

  /** This strategy, marking the input idle when no event came for `idleTimeout` (processing time). */
  withIdleness(idleTimeout: DurationLike): WatermarkStrategy<T> {
    return new WatermarkStrategyWithIdleness(this, idleTimeout);
  }

  /** Timestamps only increase: the watermark is the highest timestamp seen, minus 1. */
  static forMonotonousTimestamps<T>(): WatermarkStrategy<T> {
    return WatermarkStrategy.forGenerator(() => new AscendingTimestampsWatermarks<T>());
  }

  /** Events are at most `maxOutOfOrderness` late: the watermark is the highest timestamp seen, minus it, minus 1. */
  static forBoundedOutOfOrderness<T>(maxOutOfOrderness: DurationLike): WatermarkStrategy<T> {
    durationMillis(maxOutOfOrderness, 'forBoundedOutOfOrderness: the maximum out-of-orderness');
    return WatermarkStrategy.forGenerator(() => new BoundedOutOfOrdernessWatermarks<T>(maxOutOfOrderness));
  }

  /** A custom WatermarkGenerator, created per operator instance. */
  static forGenerator<T>(generatorSupplier: WatermarkGeneratorSupplier<T>): WatermarkStrategy<T> {
    return new GeneratorWatermarkStrategy(generatorSupplier);
  }

  /** No watermarks: event time advances only at the end of input. */
  static noWatermarks<T>(): WatermarkStrategy<T> {
    return new NoWatermarksStrategy<T>();
  }
}

/** What fromSource needs no watermark operator for. */
class NoWatermarksStrategy<T> extends WatermarkStrategy<T> {
  readonly noWatermarks = true;

  createWatermarkGenerator(): WatermarkGenerator<T> {
    return new NoWatermarksGenerator<T>();
  }
}

/** Whether `strategy` is `noWatermarks()` as it came (no timestamp assigner, no idleness): it stamps and emits nothing. */
export function isNoWatermarks(strategy: WatermarkStrategy<unknown>): boolean {
  return (strategy as Partial<NoWatermarksStrategy<unknown>>).noWatermarks === true;
}

class GeneratorWatermarkStrategy<T> extends WatermarkStrategy<T> {
  constructor(private readonly generatorSupplier: WatermarkGeneratorSupplier<T>) {
    super();
  }

  createWatermarkGenerator(context: WatermarkGeneratorSupplierContext): WatermarkGenerator<T> {
    return this.generatorSupplier(context);
  }
}

class WatermarkStrategyWithTimestampAssigner<T> extends WatermarkStrategy<T> {
  constructor(
    private readonly base: WatermarkStrategy<T>,
    private readonly assigners: TimestampAssignerSupplier<T>,
  ) {
    super();
  }

  createWatermarkGenerator(context: WatermarkGeneratorSupplierContext): WatermarkGenerator<T> {
    return this.base.createWatermarkGenerator(context);
  }

  override createTimestampAssigner(): TimestampAssigner<T> {
    return this.assigners.createTimestampAssigner();
  }
}

class WatermarkStrategyWithIdleness<T> extends WatermarkStrategy<T> {
  constructor(
    private readonly base: WatermarkStrategy<T>,
    private readonly idleTimeout: DurationLike,
  ) {
    super();
  }

  createWatermarkGenerator(context: WatermarkGeneratorSupplierContext): WatermarkGenerator<T> {
    return new WatermarksWithIdleness(this.base.createWatermarkGenerator(context), this.idleTimeout, context.getInputActivityClock());
  }

  override createTimestampAssigner(): TimestampAssigner<T> {
    return this.base.createTimestampAssigner();
  }
}

function assignerSupplier<T>(assigner: TimestampAssignerLike<T>): TimestampAssignerSupplier<T> {
  if (typeof assigner === 'function') return { createTimestampAssigner: () => ({ extractTimestamp: assigner }) };
  if (typeof (assigner as Partial<TimestampAssignerSupplier<T>>).createTimestampAssigner === 'function') return assigner as TimestampAssignerSupplier<T>;
  if (typeof (assigner as Partial<TimestampAssigner<T>>).extractTimestamp === 'function') return { createTimestampAssigner: () => assigner as TimestampAssigner<T> };
  throw new Error('withTimestampAssigner: pass a function (event, recordTimestamp) => timestamp, an object with extractTimestamp, or one with createTimestampAssigner');
}
