// Flink's JoinedStreams: `a.join(b).where(keyA).equalTo(keyB).window(assigner).apply(fn)`
// calls `fn` for every pair of records of both inputs that share a key and a window (an inner
// join). Flink builds it on coGroup, and so does Sluice: a coGroup function that pairs each
// record of the first side with each of the second.
import type { Collector } from '../functions/functions.ts';
import type { CoGroupFunction, FlatJoinFunction, JoinFunction } from '../functions/join-functions.ts';
import { WrappingFunction } from '../functions/wrapping-function.ts';
import type { WindowAssigner } from '../windowing/assigners/window-assigner.ts';
import type { Evictor } from '../windowing/evictors/evictor.ts';
import type { TimeLength } from '../windowing/time-length.ts';
import type { Trigger } from '../windowing/triggers/trigger.ts';
import type { Window } from '../windowing/windows/window.ts';
import { CoGroupedStreams, type TaggedUnion } from './co-grouped-streams.ts';
import type { DataStream, SingleOutputStreamOperator } from './data-stream.ts';
import { keyFunction, type KeyExpression } from './key-function.ts';

export class JoinedStreams<T1, T2> {
  /** @internal Created by `DataStream.join`. */
  constructor(
    private readonly input1: DataStream<T1>,
    private readonly input2: DataStream<T2>,
  ) {}

  /** The key of the first input's records. */
  where<KEY>(keySelector: KeyExpression<T1, KEY>): JoinedWhere<T1, T2, KEY> {
    return new JoinedWhere(this.input1, this.input2, keyFunction(keySelector));
  }
}

export class JoinedWhere<T1, T2, KEY> {
  /** @internal */
  constructor(
    private readonly input1: DataStream<T1>,
    private readonly input2: DataStream<T2>,
    private readonly keySelector1: (value: T1) => KEY,
  ) {}

  /** The key of the second input's records: records of both inputs with equal keys are joined. */
  equalTo(keySelector: KeyExpression<T2, KEY>): JoinedEqualTo<T1, T2, KEY> {
    return new JoinedEqualTo(this.input1, this.input2, this.keySelector1, keyFunction(keySelector));
  }
}

export class JoinedEqualTo<T1, T2, KEY> {
  /** @internal */
  constructor(
    private readonly input1: DataStream<T1>,
    private readonly input2: DataStream<T2>,
    private readonly keySelector1: (value: T1) => KEY,
    private readonly keySelector2: (value: T2) => KEY,
  ) {}

  window<W extends Window>(assigner: WindowAssigner<TaggedUnion<T1, T2>, W>): JoinedWithWindow<T1, T2, KEY, W> {
    return new JoinedWithWindow(this.input1, this.input2, this.keySelector1, this.keySelector2, assigner);
  }
}

export class JoinedWithWindow<T1, T2, KEY, W extends Window> {
  private windowTrigger?: Trigger<TaggedUnion<T1, T2>, W>;
  private windowEvictor?: Evictor<TaggedUnion<T1, T2>, W>;
  private lateness?: TimeLength;

  /** @internal */
  constructor(
    private readonly input1: DataStream<T1>,
    private readonly input2: DataStream<T2>,
    private readonly keySelector1: (value: T1) => KEY,
    private readonly keySelector2: (value: T2) => KEY,
    private readonly windowAssigner: WindowAssigner<TaggedUnion<T1, T2>, W>,
  ) {}

  trigger(trigger: Trigger<TaggedUnion<T1, T2>, W>): this {
    this.windowTrigger = trigger;
    return this;
  }

  evictor(evictor: Evictor<TaggedUnion<T1, T2>, W>): this {
    this.windowEvictor = evictor;
    return this;
  }

  allowedLateness(lateness: TimeLength): this {
    this.lateness = lateness;
    return this;
  }

  /**
   * Calls `fn.join(first, second)` for each pair of one key and window and emits what it
   * returns; a FlatJoinFunction, `join(first, second, out)`, emits through `out` instead.
   */
  apply<OUT>(fn: JoinFunction<T1, T2, OUT> | JoinFunction<T1, T2, OUT>['join']): SingleOutputStreamOperator<OUT>;
  apply<OUT>(fn: FlatJoinFunction<T1, T2, OUT> | FlatJoinFunction<T1, T2, OUT>['join']): SingleOutputStreamOperator<OUT>;
  apply<OUT>(
    fn: JoinFunction<T1, T2, OUT> | FlatJoinFunction<T1, T2, OUT> | JoinFunction<T1, T2, OUT>['join'] | FlatJoinFunction<T1, T2, OUT>['join'],
  ): SingleOutputStreamOperator<OUT> {
    const joinFunction = typeof fn === 'function' ? { join: fn } : fn;
    const coGroup: CoGroupFunction<T1, T2, OUT> = joinFunction.join.length >= 3
      ? new FlatJoinCoGroupFunction(joinFunction as FlatJoinFunction<T1, T2, OUT>)
      : new JoinCoGroupFunction(joinFunction as JoinFunction<T1, T2, OUT>);
    const coGrouped = new CoGroupedStreams(this.input1, this.input2).where(this.keySelector1).equalTo(this.keySelector2).window(this.windowAssigner);
    if (this.windowTrigger) coGrouped.trigger(this.windowTrigger);
    if (this.windowEvictor) coGrouped.evictor(this.windowEvictor);
    if (this.lateness) coGrouped.allowedLateness(this.lateness);
    return coGrouped.apply(coGroup);
  }
}

/** Every pair of the two sides through a JoinFunction (Flink's JoinCoGroupFunction). */
class JoinCoGroupFunction<T1, T2, OUT> extends WrappingFunction<JoinFunction<T1, T2, OUT>> implements CoGroupFunction<T1, T2, OUT> {
  coGroup(first: Iterable<T1>, second: Iterable<T2>, out: Collector<OUT>): void {
    for (const left of first) for (const right of second) out.collect(this.wrappedFunction.join(left, right));
  }
}

/** Every pair of the two sides through a FlatJoinFunction (Flink's FlatJoinCoGroupFunction). */
class FlatJoinCoGroupFunction<T1, T2, OUT> extends WrappingFunction<FlatJoinFunction<T1, T2, OUT>> implements CoGroupFunction<T1, T2, OUT> {
  coGroup(first: Iterable<T1>, second: Iterable<T2>, out: Collector<OUT>): void {
    for (const left of first) for (const right of second) this.wrappedFunction.join(left, right, out);
  }
}
