// MapState on the heap: the table holds a Map from user-key identity to [user key, value], so
// user keys are compared by value. A snapshot holds the [user key, value] pairs.
import { keyIdentity } from '../../exchange/key-groups.ts';
import type { InternalMapState } from '../internal-kv-state.ts';
import { AbstractHeapState } from './abstract-heap-state.ts';
import type { StateValueFormat } from '../keyed-state-table.ts';

export type UserMap<UK, UV> = Map<unknown, [UK, UV]>;

export const userMapFormat: StateValueFormat<UserMap<unknown, unknown>> = {
  toSnapshot: (map) => [...map.values()],
  fromSnapshot: (entries) => new Map((entries as [unknown, unknown][]).map((entry) => [keyIdentity(entry[0]), entry])),
};

export class HeapMapState<K, N, UK, UV> extends AbstractHeapState<K, N, UserMap<UK, UV>> implements InternalMapState<N, UK, UV> {
  get(key: UK): UV | null {
    const entry = this.table.get(this.currentNamespaceId)?.get(keyIdentity(key));
    return entry === undefined ? null : entry[1];
  }

  put(key: UK, value: UV): void {
    this.putAll([[key, value]]);
  }

  putAll(entries: Map<UK, UV> | Iterable<readonly [UK, UV]>): void {
    const map = this.table.get(this.currentNamespaceId) ?? new Map();
    for (const [key, value] of entries) map.set(keyIdentity(key), [key, value]);
    if (map.size > 0) this.table.put(this.currentNamespace, this.currentNamespaceId, map);
  }

  remove(key: UK): void {
    const map = this.table.get(this.currentNamespaceId);
    if (!map?.delete(keyIdentity(key))) return;
    if (map.size === 0) this.clear();
    else this.table.put(this.currentNamespace, this.currentNamespaceId, map);
  }

  contains(key: UK): boolean {
    return this.table.get(this.currentNamespaceId)?.has(keyIdentity(key)) ?? false;
  }

  *entries(): Iterable<[UK, UV]> {
    const map = this.table.get(this.currentNamespaceId);
    if (map) for (const [key, value] of map.values()) yield [key, value];
  }

  *keys(): Iterable<UK> {
    for (const [key] of this.entries()) yield key;
  }

  *values(): Iterable<UV> {
    for (const [, value] of this.entries()) yield value;
  }

  isEmpty(): boolean {
    return !this.table.get(this.currentNamespaceId);
  }
}
