// One state's values on the heap (Flink's NestedMapsStateTable): per key group, then per
// namespace, then per key. A state without namespaces has one map per key group, and a window's
// contents for all its keys sit together, so clearing or merging a window touches one map.
// Keys and namespaces are compared by value through their identities (see keyIdentity).
import { keyIdentity, type KeyGroup } from '../../exchange/key-groups.ts';
import type { InternalKeyContext } from '../internal-key-context.ts';
import type { StateEntrySnapshot } from '../key-group-state-snapshot.ts';
import type { KeyedStateTable, StateValueFormat } from '../keyed-state-table.ts';
import type { StateDescriptorType } from '../state-descriptor.ts';

interface StateEntry<K, V> {
  readonly key: K;
  value: V;
}

interface NamespaceEntries<K, N, V> {
  readonly namespace: N;
  /** By key identity. */
  readonly entries: Map<unknown, StateEntry<K, V>>;
}

export class StateTable<K, N, V> implements KeyedStateTable<K, N, V> {
  snapshotTransformer?: (value: unknown) => unknown;
  /** Indexed by key group minus the range's first key group; by namespace identity inside. */
  private readonly keyGroups: Map<unknown, NamespaceEntries<K, N, V>>[];
  private readonly firstKeyGroup: KeyGroup;

  constructor(
    readonly name: string,
    readonly type: StateDescriptorType,
    private readonly keyContext: InternalKeyContext<K>,
    /** Names the operator subtask in errors. */
    readonly description: string,
    private readonly format?: StateValueFormat<V>,
  ) {
    const { startKeyGroup, endKeyGroup } = keyContext.getKeyGroupRange();
    this.firstKeyGroup = startKeyGroup;
    this.keyGroups = Array.from({ length: endKeyGroup - startKeyGroup + 1 }, () => new Map());
  }

  get(namespaceId: unknown): V | undefined {
    return this.currentKeyGroup().get(namespaceId)?.entries.get(this.keyContext.getCurrentKeyIdentity())?.value;
  }

  put(namespace: N, namespaceId: unknown, value: V): void {
    const keyGroup = this.currentKeyGroup();
    let inNamespace = keyGroup.get(namespaceId);
    if (!inNamespace) keyGroup.set(namespaceId, (inNamespace = { namespace, entries: new Map() }));
    const keyId = this.keyContext.getCurrentKeyIdentity();
    const entry = inNamespace.entries.get(keyId);
    if (entry) entry.value = value;
    else inNamespace.entries.set(keyId, { key: this.keyContext.getCurrentKey(), value });
  }

  remove(namespaceId: unknown): void {
    const keyGroup = this.currentKeyGroup();
    const inNamespace = keyGroup.get(namespaceId);
    if (!inNamespace) return;
    inNamespace.entries.delete(this.keyContext.getCurrentKeyIdentity());
    if (inNamespace.entries.size === 0) keyGroup.delete(namespaceId);
  }

  *keys(namespace: unknown): Iterable<K> {
    const namespaceId = keyIdentity(namespace);
    for (const keyGroup of this.keyGroups) {
      const inNamespace = keyGroup.get(namespaceId);
      if (inNamespace) for (const entry of inNamespace.entries.values()) yield entry.key;
    }
  }

  snapshotKeyGroup(keyGroup: KeyGroup): StateEntrySnapshot[] {
    const entries: StateEntrySnapshot[] = [];
    for (const { namespace, entries: byKey } of this.keyGroupAt(keyGroup).values()) {
      for (const { key, value } of byKey.values()) {
        const plain = this.format ? this.format.toSnapshot(value) : value;
        const kept = this.snapshotTransformer ? this.snapshotTransformer(plain) : plain;
        if (kept !== undefined) entries.push([key, namespace, kept]);
      }
    }
    return entries;
  }

  restoreKeyGroup(keyGroup: KeyGroup, entries: StateEntrySnapshot[]): void {
    const target = this.keyGroupAt(keyGroup);
    for (const [key, namespace, value] of entries) {
      const namespaceId = keyIdentity(namespace);
      let inNamespace = target.get(namespaceId);
      if (!inNamespace) target.set(namespaceId, (inNamespace = { namespace: namespace as N, entries: new Map() }));
      inNamespace.entries.set(keyIdentity(key), { key: key as K, value: this.format ? this.format.fromSnapshot(value) : (value as V) });
    }
  }

  clearAll(): void {
    for (const keyGroup of this.keyGroups) keyGroup.clear();
  }

  private currentKeyGroup(): Map<unknown, NamespaceEntries<K, N, V>> {
    const keyGroup = this.keyGroups[this.keyContext.getCurrentKeyGroupIndex() - this.firstKeyGroup];
    if (!keyGroup) throw new Error(`state "${this.name}" of ${this.description}: no current key (keyed state is only available while a record or a timer of a key is processed)`);
    return keyGroup;
  }

  private keyGroupAt(keyGroup: KeyGroup): Map<unknown, NamespaceEntries<K, N, V>> {
    const entries = this.keyGroups[keyGroup - this.firstKeyGroup];
    if (!entries) throw new RangeError(`state "${this.name}" of ${this.description}: key group ${keyGroup} is not among this subtask's key groups ${this.firstKeyGroup}..${this.firstKeyGroup + this.keyGroups.length - 1}`);
    return entries;
  }
}
