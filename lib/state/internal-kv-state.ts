// The runtime's view of a keyed state (Flink's InternalKvState): the same object the user
// function holds, plus the namespace it reads and writes. A window operator sets the window as
// the namespace before touching the window's contents.
import type { State } from './state.ts';
import type { ValueState } from './value-state.ts';

export interface InternalKvState<N> extends State {
  setCurrentNamespace(namespace: N): void;
}

export interface InternalValueState<N, T> extends InternalKvState<N>, ValueState<T> {}
