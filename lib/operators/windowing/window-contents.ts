// The contents of a window (Flink's InternalAppendingState + InternalMergingState as the
// WindowOperator uses them): keyed state with the window as namespace, so it lives in its
// key's key group and is checkpointed with it. How elements accumulate depends on the window
// function: all elements in order (process, apply, evictors), a running reduce, or an
// AggregateFunction's accumulator; the function then sees `result`.
import type { AggregateFunction } from '../../functions/aggregate-function.ts';
import type { ReduceFunction } from '../../functions/functions.ts';
import type { InternalValueState } from '../../state/internal-kv-state.ts';
import type { KeyedStateBackend } from '../../state/keyed-state-backend.ts';
import { ValueStateDescriptor } from '../../state/value-state-descriptor.ts';
import { TimestampedValue } from '../../windowing/evictors/timestamped-value.ts';

/** Flink's name for the window contents' state. */
const WINDOW_STATE_NAME = 'window-contents';

export interface WindowAccumulation<IN, ACC, V> {
  add(accumulator: ACC | null, value: IN, timestamp: number | undefined): ACC;
  /** Combines the contents of two windows that merge, `a` (the target's) first. */
  merge(a: ACC, b: ACC): ACC;
  /** What the window function is given. */
  result(accumulator: ACC): V[];
}

/** Every element, in arrival order. */
export function listAccumulation<T>(): WindowAccumulation<T, T[], T> {
  return {
    add: (elements, value) => (elements ? (elements.push(value), elements) : [value]),
    merge: (a, b) => a.concat(b),
    result: (elements) => elements,
  };
}

/** Every element with its timestamp, for evictors. */
export function timestampedListAccumulation<T>(): WindowAccumulation<T, TimestampedValue<T>[], T> {
  return {
    add: (elements, value, timestamp) => {
      const element = new TimestampedValue(value, timestamp);
      return elements ? (elements.push(element), elements) : [element];
    },
    merge: (a, b) => a.concat(b),
    result: (elements) => elements.map((element) => element.value),
  };
}

export function reducingAccumulation<T>(reducer: ReduceFunction<T>): WindowAccumulation<T, T, T> {
  return {
    add: (current, value) => (current === null ? value : reducer.reduce(current, value)),
    merge: (a, b) => reducer.reduce(a, b),
    result: (reduced) => [reduced],
  };
}

export function aggregatingAccumulation<IN, ACC, OUT>(aggregate: AggregateFunction<IN, ACC, OUT>): WindowAccumulation<IN, ACC, OUT> {
  return {
    add: (accumulator, value) => aggregate.add(value, accumulator ?? aggregate.createAccumulator()),
    merge: (a, b) => aggregate.merge(a, b),
    result: (accumulator) => [aggregate.getResult(accumulator)],
  };
}

export class WindowContents<IN, ACC, V> {
  private readonly state: InternalValueState<unknown, ACC>;

  constructor(
    backend: KeyedStateBackend<unknown>,
    readonly accumulation: WindowAccumulation<IN, ACC, V>,
  ) {
    this.state = backend.getOrCreateKeyedState(new ValueStateDescriptor<ACC>(WINDOW_STATE_NAME));
  }

  setCurrentNamespace(window: unknown): void {
    this.state.setCurrentNamespace(window);
  }

  add(value: IN, timestamp: number | undefined): void {
    this.state.update(this.accumulation.add(this.state.value(), value, timestamp));
  }

  get(): ACC | null {
    return this.state.value();
  }

  update(accumulator: ACC): void {
    this.state.update(accumulator);
  }

  clear(): void {
    this.state.clear();
  }

  /** Moves the contents of `sources` into `target` (whose contents come first), as Flink's mergeNamespaces. */
  mergeNamespaces(target: unknown, sources: readonly unknown[]): void {
    let merged: ACC | null = null;
    for (const source of sources) {
      this.state.setCurrentNamespace(source);
      const value = this.state.value();
      this.state.clear();
      if (value !== null) merged = merged === null ? value : this.accumulation.merge(merged, value);
    }
    this.state.setCurrentNamespace(target);
    if (merged === null) return;
    const current = this.state.value();
    this.state.update(current === null ? merged : this.accumulation.merge(current, merged));
  }
}
