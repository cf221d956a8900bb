// The base of the state kinds: a view of one KeyedStateTable (the heap's StateTable, or the
// LevelDB backend's table) at the current key and namespace.
// The state issue's list, map, reducing and aggregating states extend it.
import { keyIdentity } from '../../exchange/key-groups.ts';
import type { InternalKvState } from '../internal-kv-state.ts';
import { VoidNamespace } from '../void-namespace.ts';
import type { KeyedStateTable } from '../keyed-state-table.ts';

export abstract class AbstractHeapState<K, N, V> implements InternalKvState<N> {
  protected currentNamespace = VoidNamespace as N;
  /** keyIdentity(currentNamespace), computed once per setCurrentNamespace rather than per access. */
  protected currentNamespaceId: unknown = VoidNamespace;

  constructor(protected readonly table: KeyedStateTable<K, N, V>) {}

  setCurrentNamespace(namespace: N): void {
    this.currentNamespace = namespace;
    this.currentNamespaceId = keyIdentity(namespace);
  }

  clear(): void {
    this.table.remove(this.currentNamespaceId);
  }
}
