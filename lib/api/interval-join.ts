// Flink's interval join: `keyedA.intervalJoin(keyedB).between(lower, upper).process(fn)`
// calls `fn` for every pair of records of one key with
// `a.timestamp + lower <= b.timestamp <= a.timestamp + upper`; each bound may be made
// exclusive. Event time only, as in Flink. Built as Flink builds it: the two keyed streams,
// connected and keyed by their own selectors, feed one IntervalJoinOperator.
import type { Collector } from '../functions/functions.ts';
import type { ProcessJoinFunction, ProcessJoinFunctionContext } from '../functions/process-join-function.ts';
import type { OutputTag } from '../functions/output-tag.ts';
import { inclusiveBounds, IntervalJoinOperator, type LateDataOutputTags, type ProcessJoinCall } from '../operators/interval-join-operator.ts';
import type { KeyedStream, SingleOutputStreamOperator } from './data-stream.ts';
import { perSubtaskOperator } from './per-subtask-operator.ts';
import type { Time } from './time.ts';

type TimeBehaviour = 'event-time' | 'processing-time';

export class IntervalJoin<T1, T2, KEY> {
  private timeBehaviour: TimeBehaviour = 'event-time';

  /** @internal Created by `KeyedStream.intervalJoin`. */
  constructor(
    private readonly left: KeyedStream<T1, KEY>,
    private readonly right: KeyedStream<T2, KEY>,
  ) {}

  /** Joins on event time (the default and the only time `between` supports). */
  inEventTime(): this {
    this.timeBehaviour = 'event-time';
    return this;
  }

  /** Accepted for Flink's API; `between` then fails, as in Flink. */
  inProcessingTime(): this {
    this.timeBehaviour = 'processing-time';
    return this;
  }

  /** Joins a left record at time t with right records from t + lowerBound to t + upperBound, both inclusive. */
  between(lowerBound: Time, upperBound: Time): IntervalJoined<T1, T2, KEY> {
    if (this.timeBehaviour !== 'event-time') {
      throw new Error(`interval join of ${this.left.describe()} and ${this.right.describe()}: Time-bounded stream joins are only supported in event time`);
    }
    return new IntervalJoined(this.left, this.right, lowerBound.toMilliseconds(), upperBound.toMilliseconds());
  }
}

export class IntervalJoined<IN1, IN2, KEY> {
  private lowerBoundInclusive = true;
  private upperBoundInclusive = true;
  private readonly lateDataOutputTags: LateDataOutputTags<IN1, IN2> = {};

  /** @internal Created by `IntervalJoin.between`. */
  constructor(
    private readonly left: KeyedStream<IN1, KEY>,
    private readonly right: KeyedStream<IN2, KEY>,
    private readonly lowerBound: number,
    private readonly upperBound: number,
  ) {}

  lowerBoundExclusive(): this {
    this.lowerBoundInclusive = false;
    return this;
  }

  upperBoundExclusive(): this {
    this.upperBoundInclusive = false;
    return this;
  }

  /** Left records that come behind the watermark go to this side output instead of being dropped. */
  sideOutputLeftLateData(outputTag: OutputTag<IN1>): this {
    this.lateDataOutputTags.left = outputTag;
    return this;
  }

  /** Right records that come behind the watermark go to this side output instead of being dropped. */
  sideOutputRightLateData(outputTag: OutputTag<IN2>): this {
    this.lateDataOutputTags.right = outputTag;
    return this;
  }

  /** Calls `processJoinFunction` for each joined pair; what it emits carries the larger of the pair's timestamps. */
  process<OUT>(
    processJoinFunction: ProcessJoinFunction<IN1, IN2, OUT> | ((left: IN1, right: IN2, ctx: ProcessJoinFunctionContext, out: Collector<OUT>) => void),
  ): SingleOutputStreamOperator<OUT> {
    const fn: ProcessJoinCall<IN1, IN2, OUT> = typeof processJoinFunction === 'function' ? { processElement: processJoinFunction } : processJoinFunction;
    const { lowerBound, upperBound, lowerBoundInclusive, upperBoundInclusive, lateDataOutputTags } = this;
    inclusiveBounds(`interval join of ${this.left.describe()} and ${this.right.describe()}`, lowerBound, upperBound, lowerBoundInclusive, upperBoundInclusive);
    return this.left
      .connect(this.right)
      .keyBy(this.left.getKeySelector(), this.right.getKeySelector())
      .transform<OUT>('Interval Join', perSubtaskOperator(fn, (copy) => new IntervalJoinOperator<KEY, IN1, IN2, OUT>(lowerBound, upperBound, lowerBoundInclusive, upperBoundInclusive, copy, { ...lateDataOutputTags })));
  }
}
