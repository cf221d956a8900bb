// The base of the heap states whose namespaces merge (list, reducing, aggregating): Flink's
// AbstractHeapMergingState. A subclass says how two values of one key combine.
import { keyIdentity } from '../../exchange/key-groups.ts';
import type { InternalMergingState } from '../internal-kv-state.ts';
import { AbstractHeapState } from './abstract-heap-state.ts';

export abstract class AbstractHeapMergingState<K, N, V> extends AbstractHeapState<K, N, V> implements InternalMergingState<N, V> {
  /** The two values of one key combined; may reuse `target`. */
  protected abstract mergeState(target: V, source: V): V;

  getInternal(): V | undefined {
    return this.table.get(this.currentNamespaceId);
  }

  updateInternal(value: V): void {
    this.table.put(this.currentNamespace, this.currentNamespaceId, value);
  }

  mergeNamespaces(target: N, sources: Iterable<N>): void {
    let merged: V | undefined;
    for (const source of sources) {
      const sourceId = keyIdentity(source);
      const value = this.table.get(sourceId);
      if (value === undefined) continue;
      this.table.remove(sourceId);
      merged = merged === undefined ? value : this.mergeState(merged, value);
    }
    if (merged === undefined) return;
    const targetId = keyIdentity(target);
    const existing = this.table.get(targetId);
    this.table.put(target, targetId, existing === undefined ? merged : this.mergeState(existing, merged));
  }
}
