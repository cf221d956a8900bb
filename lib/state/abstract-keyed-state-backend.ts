// What every keyed state backend shares (Flink's AbstractKeyedStateBackend): the current key
// (its identity and key group computed once per setCurrentKey and shared by every state and
// timer of the operator; a primitive key equal to the previous one costs nothing), one table
// per state name, and the state objects over those tables, wrapped for TTL where enabled. A
// backend says how a table stores its values and how its state is snapshotted and restored.
import { assignToKeyGroup, keyIdentity, type KeyGroup, type KeyGroupRange } from '../exchange/key-groups.ts';
import { HeapAggregatingState } from './heap/heap-aggregating-state.ts';
import { HeapListState } from './heap/heap-list-state.ts';
import { HeapMapState, userMapFormat } from './heap/heap-map-state.ts';
import { HeapReducingState } from './heap/heap-reducing-state.ts';
import { HeapValueState } from './heap/heap-value-state.ts';
import type { InternalKvState } from './internal-kv-state.ts';
import type { KeyGroupStateSnapshot } from './key-group-state-snapshot.ts';
import type { InternalStateFor, KeyedStateBackend } from './keyed-state-backend.ts';
import type { KeyedStateTable, StateValueFormat } from './keyed-state-table.ts';
import type { AnyStateDescriptor, StateDescriptor, StateDescriptorType } from './state-descriptor.ts';
import { createStateAndWrapWithTtlIfEnabled, ttlSnapshotTransformer } from './ttl/ttl-state-factory.ts';
import { systemTtlTimeProvider, type TtlTimeProvider } from './ttl/ttl-time-provider.ts';

export interface KeyedStateBackendOptions {
  keyGroupRange: KeyGroupRange;
  /** The operator's max parallelism. */
  numberOfKeyGroups: number;
  /** The operator subtask, for errors: `"Keyed Reduce" (2/4)`. */
  description: string;
  /** The processing-time clock of state TTL; the system clock by default. */
  ttlTimeProvider?: TtlTimeProvider;
}

export abstract class AbstractKeyedStateBackend<K, T extends KeyedStateTable<K, unknown, unknown>> implements KeyedStateBackend<K> {
  protected readonly tables = new Map<string, T>();
  private readonly states = new Map<string, InternalKvState<unknown>>();
  private currentKey?: K;
  private currentKeyIdentity: unknown;
  private currentKeyGroupIndex: KeyGroup = -1;

  constructor(protected readonly options: KeyedStateBackendOptions) {}

  /** A new table for state `name`; `format` is set for values that are not plain data. */
  protected abstract createTable(name: string, type: StateDescriptorType, format?: StateValueFormat<unknown>): T;
  abstract snapshot(): KeyGroupStateSnapshot[] | Promise<KeyGroupStateSnapshot[]>;
  abstract restoreKeyGroup(snapshot: KeyGroupStateSnapshot): void;
  abstract dispose(): Promise<void>;

  setCurrentKey(key: K): void {
    if (key === this.currentKey && this.currentKeyGroupIndex >= 0 && (typeof key !== 'object' || key === null)) return;
    const keyGroup = assignToKeyGroup(key, this.options.numberOfKeyGroups);
    const { startKeyGroup, endKeyGroup } = this.options.keyGroupRange;
    if (keyGroup < startKeyGroup || keyGroup > endKeyGroup) {
      throw new RangeError(`${this.options.description}: key ${describeKey(key)} is in key group ${keyGroup}, not among this subtask's key groups ${startKeyGroup}..${endKeyGroup}; is the key selector deterministic?`);
    }
    this.currentKey = key;
    this.currentKeyIdentity = keyIdentity(key);
    this.currentKeyGroupIndex = keyGroup;
  }

  getCurrentKey(): K {
    if (this.currentKeyGroupIndex < 0) throw new Error(`${this.options.description}: no current key`);
    return this.currentKey as K;
  }

  getCurrentKeyIdentity(): unknown {
    return this.currentKeyIdentity;
  }

  getCurrentKeyGroupIndex(): KeyGroup {
    return this.currentKeyGroupIndex;
  }

  getKeyGroupRange(): KeyGroupRange {
    return this.options.keyGroupRange;
  }

  getNumberOfKeyGroups(): number {
    return this.options.numberOfKeyGroups;
  }

  getOrCreateKeyedState<N, D extends StateDescriptor<unknown>>(descriptor: D): InternalStateFor<N, D> {
    const existing = this.states.get(descriptor.name);
    const table = this.tableFor(descriptor.name, descriptor.type);
    if (existing) return existing as InternalStateFor<N, D>;
    const described = descriptor as unknown as AnyStateDescriptor;
    const ttlTimeProvider = this.options.ttlTimeProvider ?? systemTtlTimeProvider;
    const state = createStateAndWrapWithTtlIfEnabled(described, <S extends AnyStateDescriptor>(d: S) => createState(table, d) as InternalStateFor<unknown, S>, ttlTimeProvider);
    const ttlConfig = described.ttlConfig;
    if (ttlConfig?.isEnabled() && ttlConfig.cleanupInFullSnapshot) table.snapshotTransformer = ttlSnapshotTransformer(described, ttlConfig, ttlTimeProvider);
    this.states.set(descriptor.name, state);
    return state as InternalStateFor<N, D>;
  }

  getPartitionedState<N, D extends StateDescriptor<unknown>>(namespace: N, descriptor: D): InternalStateFor<N, D> {
    const state = this.getOrCreateKeyedState<N, D>(descriptor);
    (state as InternalKvState<N>).setCurrentNamespace(namespace);
    return state;
  }

  getKeys(name: string, namespace: unknown): Iterable<K> {
    return this.tables.get(name)?.keys(namespace) ?? [];
  }

  /** The state's table; a restore may create it before the function asks for the state. */
  protected tableFor(name: string, type: StateDescriptorType): T {
    let table = this.tables.get(name);
    if (!table) this.tables.set(name, (table = this.createTable(name, type, type === 'map' ? userMapFormat as StateValueFormat<unknown> : undefined)));
    else if (table.type !== type) throw new TypeError(`${this.options.description}: state "${name}" is ${table.type} state, requested as ${type} state`);
    return table;
  }
}

function createState<K>(table: KeyedStateTable<K, unknown, unknown>, descriptor: AnyStateDescriptor): InternalKvState<unknown> {
  switch (descriptor.type) {
    case 'value': return new HeapValueState(table, descriptor.defaultValue);
    case 'list': return new HeapListState(table as KeyedStateTable<K, unknown, unknown[]>);
    case 'map': return new HeapMapState(table as KeyedStateTable<K, unknown, Map<unknown, [unknown, unknown]>>);
    case 'reducing': return new HeapReducingState(table, descriptor.reduceFunction);
    case 'aggregating': return new HeapAggregatingState(table, descriptor.aggregateFunction);
  }
}

/** A key as an error message shows it. */
export function describeKey(key: unknown): string {
  try {
    return JSON.stringify(key) ?? String(key);
  } catch {
    return String(key);
  }
}
