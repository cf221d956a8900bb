// Flink's JoinedStreams: `a.join(b).where(keyA).equalTo(keyB).window(assigner).apply(fn)`
// calls `fn` for every pair of records of both inputs that share a key and a window (an inner
// join). Flink builds it on coGroup, and so does Sluice: each step of the builder is the
// coGroup's step, and `apply` hands the coGroup a function that pairs each record of the first
// side with each of the second.
import type { Collector } from '../functions/functions.ts';
import type { CoGroupFunction, FlatJoinFunction, JoinFunction } from '../functions/join-functions.ts';
import { WrappingFunction } from '../functions/wrapping-function.ts';
import type { WindowAssigner } from '../windowing/assigners/window-assigner.ts';
import type { Evictor } from '../windowing/evictors/evictor.ts';
import type { TimeLength } from '../windowing/time-length.ts';
import type { Trigger } from '../windowing/triggers/trigger.ts';
import type { Window } from '../windowing/windows/window.ts';
import { CoGroupedStreams, type CoGroupedEqualTo, type CoGroupedWhere, type CoGroupedWithWindow, type TaggedUnion } from './co-grouped-streams.ts';
import type { DataStream, SingleOutputStreamOperator } from './data-stream.ts';
import type { KeyExpression } from './key-function.ts';

export class JoinedStreams<T1, T2> {
  private readonly coGrouped: CoGroupedStreams<T1, T2>;

  /** @internal Created by `DataStream.join`. */
  constructor(input1: DataStream<T1>, input2: DataStream<T2>) {
    this.coGrouped = new CoGroupedStreams(input1, input2);
  }

  /** The key of the first input's records. */
  where<KEY>(keySelector: KeyExpression<T1, KEY>): JoinedWhere<T1, T2, KEY> {
    return new JoinedWhere(this.coGrouped.where(keySelector));
  }
}

export class JoinedWhere<T1, T2, KEY> {
  /** @internal */
  constructor(private readonly coGrouped: CoGroupedWhere<T1, T2, KEY>) {}

  /** The key of the second input's records: records of both inputs with equal keys are joined. */
  equalTo(keySelector: KeyExpression<T2, KEY>): JoinedEqualTo<T1, T2, KEY> {
    return new JoinedEqualTo(this.coGrouped.equalTo(keySelector));
  }
}

export class JoinedEqualTo<T1, T2, KEY> {
  /** @internal */
  constructor(private readonly coGrouped: CoGroupedEqualTo<T1, T2, KEY>) {}

  window<W extends Window>(assigner: WindowAssigner<TaggedUnion<T1, T2>, W>): JoinedWithWindow<T1, T2, KEY, W> {
    return new JoinedWithWindow(this.coGrouped.window(assigner));
  }
}

export class JoinedWithWindow<T1, T2, KEY, W extends Window> {
  /** @internal */
  constructor(private readonly coGrouped: CoGroupedWithWindow<T1, T2, KEY, W>) {}

  trigger(trigger: Trigger<TaggedUnion<T1, T2>, W>): this {
    this.coGrouped.trigger(trigger);
    return this;
  }

  evictor(evictor: Evictor<TaggedUnion<T1, T2>, W>): this {
    this.coGrouped.evictor(evictor);
    return this;
  }

  allowedLateness(lateness: TimeLength): this {
    this.coGrouped.allowedLateness(lateness);
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
    return this.coGrouped.apply(coGroup);
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
