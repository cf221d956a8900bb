// Flink's CoGroupedStreams: `a.coGroup(b).where(keyA).equalTo(keyB).window(assigner)
// .apply(coGroupFunction)` gives the function, per key and window, the records of both inputs.
// Built as Flink builds it: each input is tagged with the side it came from, the union of both
// is keyed by either side's selector and windowed, and a window function splits each window's
// contents back into the two sides. Triggers, evictors and allowed lateness act on the tagged
// records, as in Flink.
import type { Collector } from '../functions/functions.ts';
import type { CoGroupFunction } from '../functions/join-functions.ts';
import type { WindowFunction } from '../functions/window-function.ts';
import { WrappingFunction } from '../functions/wrapping-function.ts';
import type { WindowAssigner } from '../windowing/assigners/window-assigner.ts';
import type { Evictor } from '../windowing/evictors/evictor.ts';
import type { TimeLength } from '../windowing/time-length.ts';
import type { Trigger } from '../windowing/triggers/trigger.ts';
import type { Window } from '../windowing/windows/window.ts';
import type { DataStream, SingleOutputStreamOperator } from './data-stream.ts';
import { keyFunction, type KeyExpression } from './key-function.ts';

/** A record of either input, with the side it came from (Flink's TaggedUnion); plain data, so it crosses the network as it is. */
export type TaggedUnion<T1, T2> = { input: 1; value: T1 } | { input: 2; value: T2 };

export class CoGroupedStreams<T1, T2> {
  /** @internal Created by `DataStream.coGroup`. */
  constructor(
    private readonly input1: DataStream<T1>,
    private readonly input2: DataStream<T2>,
  ) {}

  /** The key of the first input's records. */
  where<KEY>(keySelector: KeyExpression<T1, KEY>): CoGroupedWhere<T1, T2, KEY> {
    return new CoGroupedWhere(this.input1, this.input2, keyFunction(keySelector));
  }
}

export class CoGroupedWhere<T1, T2, KEY> {
  /** @internal */
  constructor(
    private readonly input1: DataStream<T1>,
    private readonly input2: DataStream<T2>,
    private readonly keySelector1: (value: T1) => KEY,
  ) {}

  /** The key of the second input's records: records of both inputs with equal keys meet. */
  equalTo(keySelector: KeyExpression<T2, KEY>): CoGroupedEqualTo<T1, T2, KEY> {
    return new CoGroupedEqualTo(this.input1, this.input2, this.keySelector1, keyFunction(keySelector));
  }
}

export class CoGroupedEqualTo<T1, T2, KEY> {
  /** @internal */
  constructor(
    private readonly input1: DataStream<T1>,
    private readonly input2: DataStream<T2>,
    private readonly keySelector1: (value: T1) => KEY,
    private readonly keySelector2: (value: T2) => KEY,
  ) {}

  window<W extends Window>(assigner: WindowAssigner<TaggedUnion<T1, T2>, W>): CoGroupedWithWindow<T1, T2, KEY, W> {
    return new CoGroupedWithWindow(this.input1, this.input2, this.keySelector1, this.keySelector2, assigner);
  }
}

export class CoGroupedWithWindow<T1, T2, KEY, W extends Window> {
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

  /** Calls `fn.coGroup(first, second, out)` once per key and window firing. */
  apply<OUT>(fn: CoGroupFunction<T1, T2, OUT> | CoGroupFunction<T1, T2, OUT>['coGroup']): SingleOutputStreamOperator<OUT> {
    const coGroup = typeof fn === 'function' ? { coGroup: fn } : fn;
    const tagged1 = this.input1.map((value): TaggedUnion<T1, T2> => ({ input: 1, value }));
    const tagged2 = this.input2.map((value): TaggedUnion<T1, T2> => ({ input: 2, value }));
    const { keySelector1, keySelector2 } = this;
    const windowed = tagged1.union(tagged2)
      .keyBy((tagged): KEY => (tagged.input === 1 ? keySelector1(tagged.value) : keySelector2(tagged.value)))
      .window(this.windowAssigner);
    if (this.windowTrigger) windowed.trigger(this.windowTrigger);
    if (this.windowEvictor) windowed.evictor(this.windowEvictor);
    if (this.lateness) windowed.allowedLateness(this.lateness);
    return windowed.apply(new CoGroupWindowFunction<T1, T2, OUT, KEY, W>(coGroup));
  }
}

/** Splits a window's tagged records into the two inputs' and calls the CoGroupFunction (Flink's CoGroupWindowFunction). */
class CoGroupWindowFunction<T1, T2, OUT, KEY, W extends Window>
  extends WrappingFunction<CoGroupFunction<T1, T2, OUT>>
  implements WindowFunction<TaggedUnion<T1, T2>, OUT, KEY, W>
{
  apply(_key: KEY, _window: W, values: Iterable<TaggedUnion<T1, T2>>, out: Collector<OUT>): void {
    const first: T1[] = [];
    const second: T2[] = [];
    for (const tagged of values) {
      if (tagged.input === 1) first.push(tagged.value);
      else second.push(tagged.value);
    }
    this.wrappedFunction.coGroup(first, second, out);
  }
}
