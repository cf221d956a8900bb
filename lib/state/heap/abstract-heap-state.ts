// The base of the heap states: a view of one StateTable at the current key and namespace.
// The state issue's list, map, reducing and aggregating states extend it.
import { keyIdentity } from '../../exchange/key-groups.ts';
import type { InternalKvState } from '../internal-kv-state.ts';
import { VoidNamespace } from '../void-namespace.ts';
import type { StateTable } from './state-table.ts';

export abstract class AbstractHeapState<K, N, V> implements InternalKvState<N> {
  protected currentNamespace = VoidNamespace as N;
  /** keyIdentity(currentNamespace), computed once per setCurrentNamespace rather than per access. */
  protected currentNamespaceId: unknown = VoidNamespace;

  constructor(protected readonly table: StateTable<K, N, V>) {}

  setCurrentNamespace(namespace: N): void {
    this.currentNamespace = namespace;
    this.currentNamespaceId = keyIdentity(namespace);
  }

  clear(): void {
    this.table.remove(this.currentNamespaceId);
  }
}
