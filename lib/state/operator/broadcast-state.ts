// Flink's BroadcastState and ReadOnlyBroadcastState: a map that every parallel instance of an
// operator holds in full. The broadcast side of a (Keyed)BroadcastProcessFunction writes it; the
// other side only reads it, so that all instances stay the same.

export interface ReadOnlyBroadcastState<K, V> {
  /** The value of the key; null when it has none. */
  get(key: K): V | null;
  contains(key: K): boolean;
  immutableEntries(): Iterable<readonly [K, V]>;
}

export interface BroadcastState<K, V> extends ReadOnlyBroadcastState<K, V> {
  put(key: K, value: V): void;
  putAll(entries: Map<K, V> | Iterable<readonly [K, V]>): void;
  remove(key: K): void;
  entries(): Iterable<[K, V]>;
  clear(): void;
}
