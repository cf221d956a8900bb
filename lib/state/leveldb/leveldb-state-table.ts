// One keyed state in the LevelDB backend: the KeyedStateTable the state kinds read and write,
// over the backend's LevelDBStateStore. A value's database key is its key group, the state,
// the namespace and the key (in that order, so a key group's entries are one key range, and a
// state's entries within it are one range again); the stored value is
// [key, namespace, value in its snapshot form], so a snapshot is read out without decoding keys.
// The keys of each namespace are also kept in memory: getKeys iterates them without reading
// the database, and a read of a key without a value never reaches the disk.
import { keyIdentity, type KeyGroup } from '../../exchange/key-groups.ts';
import { describeKey } from '../abstract-keyed-state-backend.ts';
import type { InternalKeyContext } from '../internal-key-context.ts';
import type { KeyedStateTable, StateValueFormat } from '../keyed-state-table.ts';
import type { StateDescriptorType } from '../state-descriptor.ts';
import { packStateValue, unpackStateValue } from '../state-snapshot-codec.ts';
import type { BufferedWrite, LevelDBStateStore } from './leveldb-state-store.ts';

/** The first character of a key group's database keys (key groups are below 32768, so one UTF-16 unit, never a surrogate). */
export function keyGroupPrefix(keyGroup: KeyGroup): string {
  return String.fromCharCode(keyGroup);
}

/** A key or namespace identity as a string that no other identity shares. */
function identityPart(identity: unknown): string {
  switch (typeof identity) {
    case 'string': return `s${identity}`;
    case 'number': return `n${identity}`;
    case 'bigint': return `i${identity}`;
    case 'boolean': return identity ? 't' : 'f';
    default: return identity === null ? 'z' : 'u';
  }
}

/** A buffered write of one entry, encoded when the write buffer is flushed. */
class StateEntryWrite<K, N, V> implements BufferedWrite {
  constructor(private readonly table: LevelDBStateTable<K, N, V>, private readonly key: K, private readonly namespace: N, readonly value: V) {}

  encode(): Uint8Array {
    return this.table.encode(this.key, this.namespace, this.value);
  }
}

export class LevelDBStateTable<K, N, V> implements KeyedStateTable<K, N, V> {
  snapshotTransformer?: (value: unknown) => unknown;
  /** The keys with a value, by namespace identity, then key identity. */
  private readonly keysByNamespace = new Map<unknown, Map<unknown, K>>();
  private readonly decode = (bytes: Uint8Array): unknown => {
    const plain = (unpackStateValue(bytes) as [unknown, unknown, unknown])[2];
    return this.format ? this.format.fromSnapshot(plain) : plain;
  };

  constructor(
    readonly name: string,
    readonly type: StateDescriptorType,
    /** The state's place in the database keys: one character after the key group. */
    readonly stateIndex: number,
    private readonly keyContext: InternalKeyContext<K>,
    private readonly store: LevelDBStateStore,
    readonly description: string,
    readonly format?: StateValueFormat<V>,
  ) {}

  get(namespaceId: unknown): V | undefined {
    const keyId = this.keyContext.getCurrentKeyIdentity();
    if (!this.keysByNamespace.get(namespaceId)?.has(keyId)) return undefined;
    return this.store.get(this.databaseKey(this.currentKeyGroup(), namespaceId, keyId), this.decode) as V | undefined;
  }

  put(namespace: N, namespaceId: unknown, value: V): void {
    this.write(this.currentKeyGroup(), this.keyContext.getCurrentKey(), this.keyContext.getCurrentKeyIdentity(), namespace, namespaceId, value);
  }

  remove(namespaceId: unknown): void {
    const keyGroup = this.currentKeyGroup();
    const keys = this.keysByNamespace.get(namespaceId);
    const keyId = this.keyContext.getCurrentKeyIdentity();
    if (!keys?.delete(keyId)) return;
    if (keys.size === 0) this.keysByNamespace.delete(namespaceId);
    this.store.delete(this.databaseKey(keyGroup, namespaceId, keyId));
  }

  keys(namespace: unknown): Iterable<K> {
    return this.keysByNamespace.get(keyIdentity(namespace))?.values() ?? [];
  }

  /** Writes a restored entry of `keyGroup`, its value in snapshot form. */
  restoreEntry(keyGroup: KeyGroup, key: K, namespace: N, plain: unknown): void {
    this.write(keyGroup, key, keyIdentity(key), namespace, keyIdentity(namespace), this.format ? this.format.fromSnapshot(plain) : plain as V);
  }

  private write(keyGroup: KeyGroup, key: K, keyId: unknown, namespace: N, namespaceId: unknown, value: V): void {
    let keys = this.keysByNamespace.get(namespaceId);
    if (!keys) this.keysByNamespace.set(namespaceId, (keys = new Map()));
    keys.set(keyId, key);
    this.store.put(this.databaseKey(keyGroup, namespaceId, keyId), new StateEntryWrite(this, key, namespace, value));
  }

  /** The stored form of an entry: [key, namespace, value in its snapshot form]. */
  encode(key: K, namespace: N, value: V): Uint8Array {
    return packStateValue([key, namespace, this.format ? this.format.toSnapshot(value) : value], () => `state "${this.name}" of ${this.description}, key ${describeKey(key)}`);
  }

  private databaseKey(keyGroup: KeyGroup, namespaceId: unknown, keyId: unknown): string {
    const namespacePart = identityPart(namespaceId);
    return `${keyGroupPrefix(keyGroup)}${String.fromCharCode(this.stateIndex)}${namespacePart.length}:${namespacePart}${identityPart(keyId)}`;
  }

  private currentKeyGroup(): KeyGroup {
    const keyGroup = this.keyContext.getCurrentKeyGroupIndex();
    if (keyGroup < 0) throw new Error(`state "${this.name}" of ${this.description}: no current key (keyed state is only available while a record or a timer of a key is processed)`);
    return keyGroup;
  }
}
