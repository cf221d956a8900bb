// One keyed state's values as the state kinds see them (Flink's StateTable for the heap; the
// LevelDB backend gives the same view over its database): the current key's value in a
// namespace. The state kinds (lib/state/heap/heap-*-state.ts) read and write through this
// view only, so every backend shares them.
import type { StateDescriptorType } from './state-descriptor.ts';

/**
 * How a state's values become plain data in a snapshot (and on disk) and come back, for values
 * that msgpackr would not round-trip as they are (a MapState's Map). Absent: the value is plain
 * data already.
 */
export interface StateValueFormat<V> {
  toSnapshot(value: V): unknown;
  fromSnapshot(snapshot: unknown): V;
}

export interface KeyedStateTable<K, N, V> {
  readonly name: string;
  readonly type: StateDescriptorType;
  /** Names the operator subtask in errors. */
  readonly description: string;
  /**
   * Applied to each value's snapshot form; undefined leaves the entry out (TTL's
   * cleanupFullSnapshot). Set when the state is created.
   */
  snapshotTransformer?: (value: unknown) => unknown;
  /** The current key's value in the namespace (by its keyIdentity), undefined when it has none. */
  get(namespaceId: unknown): V | undefined;
  /** Sets the current key's value; a value changed in place must be put again to be kept. */
  put(namespace: N, namespaceId: unknown, value: V): void;
  remove(namespaceId: unknown): void;
  /** The keys with a value in the namespace, over all key groups. */
  keys(namespace: unknown): Iterable<K>;
}
