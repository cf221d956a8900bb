// The runtime's view of a keyed state (Flink's InternalKvState): the same object the user
// function holds, plus the namespace it reads and writes. A window operator sets the window as
// the namespace before touching the window's contents.
import type { AggregatingState } from './aggregating-state.ts';
import type { ListState } from './list-state.ts';
import type { MapState } from './map-state.ts';
import type { ReducingState } from './reducing-state.ts';
import type { State } from './state.ts';
import type { ValueState } from './value-state.ts';

export interface InternalKvState<N> extends State {
  setCurrentNamespace(namespace: N): void;
}

/**
 * The stored form of an appending state (Flink's InternalAppendingState): the list, the reduced
 * value or the accumulator, as the backend holds it.
 */
export interface InternalAppendingState<N, SV> extends InternalKvState<N> {
  /** The current key's stored value in the current namespace; undefined when it has none. */
  getInternal(): SV | undefined;
  updateInternal(value: SV): void;
}

/**
 * A state whose namespaces can be merged (Flink's InternalMergingState): merging windows move
 * the contents of the merged windows into the result window.
 */
export interface InternalMergingState<N, SV> extends InternalAppendingState<N, SV> {
  /**
   * Merges the current key's values of the `sources` namespaces into `target` (list: appended;
   * reducing: reduced; aggregating: accumulators merged) and clears the sources. Leaves the
   * current namespace as it was.
   */
  mergeNamespaces(target: N, sources: Iterable<N>): void;
}

export interface InternalValueState<N, T> extends InternalKvState<N>, ValueState<T> {}

export interface InternalListState<N, T> extends InternalMergingState<N, T[]>, ListState<T> {}

export interface InternalMapState<N, UK, UV> extends InternalKvState<N>, MapState<UK, UV> {}

export interface InternalReducingState<N, T> extends InternalMergingState<N, T>, ReducingState<T> {}

export interface InternalAggregatingState<N, IN, ACC, OUT> extends InternalMergingState<N, ACC>, AggregatingState<IN, OUT> {}
