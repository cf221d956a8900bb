// Flink's MapState: a map of user keys to values per key. User keys are compared by value, as
// record keys are (see keyIdentity): an equal array or object is the same user key.
import type { State } from './state.ts';

export interface MapState<UK, UV> extends State {
  /** The value of the user key; null when it has none. */
  get(key: UK): UV | null;
  put(key: UK, value: UV): void;
  putAll(entries: Map<UK, UV> | Iterable<readonly [UK, UV]>): void;
  remove(key: UK): void;
  contains(key: UK): boolean;
  entries(): Iterable<[UK, UV]>;
  keys(): Iterable<UK>;
  values(): Iterable<UV>;
  isEmpty(): boolean;
}
