// Broadcast state in memory (Flink's HeapBroadcastState): keys compared by value, as keyed
// state's user keys are.
import { keyIdentity } from '../../exchange/key-groups.ts';
import type { BroadcastState } from './broadcast-state.ts';

export class HeapBroadcastState<K, V> implements BroadcastState<K, V> {
  private readonly map = new Map<unknown, [K, V]>();

  constructor(entries: Iterable<readonly [K, V]> = []) {
    this.putAll(entries);
  }

  get(key: K): V | null {
    const entry = this.map.get(keyIdentity(key));
    return entry === undefined ? null : entry[1];
  }

  contains(key: K): boolean {
    return this.map.has(keyIdentity(key));
  }

  *immutableEntries(): Iterable<readonly [K, V]> {
    for (const [key, value] of this.map.values()) yield [key, value] as const;
  }

  put(key: K, value: V): void {
    this.map.set(keyIdentity(key), [key, value]);
  }

  putAll(entries: Map<K, V> | Iterable<readonly [K, V]>): void {
    for (const [key, value] of entries) this.put(key, value);
  }

  remove(key: K): void {
    this.map.delete(keyIdentity(key));
  }

  *entries(): Iterable<[K, V]> {
    for (const [key, value] of this.map.values()) yield [key, value];
  }

  clear(): void {
    this.map.clear();
  }

  /** The [key, value] pairs, for a snapshot. */
  snapshot(): [K, V][] {
    return [...this.map.values()].map(([key, value]) => [key, value]);
  }
}
