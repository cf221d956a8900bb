// Flink's AppendingState and MergingState: a state that values are added to and that is read
// as one result (ListState, ReducingState, AggregatingState). "Merging" says that the runtime
// may merge the state of several namespaces into one (merging windows, see
// InternalMergingState).
import type { State } from './state.ts';

export interface AppendingState<IN, OUT> extends State {
  /** The current key's result; null (an empty iterable for ListState) when nothing was added. */
  get(): OUT | null;
  add(value: IN): void;
}

export type MergingState<IN, OUT> = AppendingState<IN, OUT>;
