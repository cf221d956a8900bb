// Keyed state in memory (Flink's HeapKeyedStateBackend): one StateTable per state name. The
// current key's identity and key group are computed once per setCurrentKey and shared by every
// state and timer of the operator; a primitive key equal to the previous one costs nothing.
import { assignToKeyGroup, keyIdentity, type KeyGroup, type KeyGroupRange } from '../../exchange/key-groups.ts';
import type { InternalKvState } from '../internal-kv-state.ts';
import type { KeyGroupStateSnapshot, StateSnapshot } from '../key-group-state-snapshot.ts';
import type { InternalStateFor, KeyedStateBackend } from '../keyed-state-backend.ts';
import type { AnyStateDescriptor, StateDescriptor } from '../state-descriptor.ts';
import { HeapAggregatingState } from './heap-aggregating-state.ts';
import { HeapListState } from './heap-list-state.ts';
import { HeapMapState, userMapFormat } from './heap-map-state.ts';
import { HeapReducingState } from './heap-reducing-state.ts';
import { HeapValueState } from './heap-value-state.ts';
import { StateTable, type StateValueFormat } from './state-table.ts';
import { createStateAndWrapWithTtlIfEnabled, ttlSnapshotTransformer } from '../ttl/ttl-state-factory.ts';
import { systemTtlTimeProvider, type TtlTimeProvider } from '../ttl/ttl-time-provider.ts';

export interface HeapKeyedStateBackendOptions {
  keyGroupRange: KeyGroupRange;
  /** The operator's max parallelism. */
  numberOfKeyGroups: number;
  /** The operator subtask, for errors: `"Keyed Reduce" (2/4)`. */
  description: string;
  /** The processing-time clock of state TTL; the system clock by default. */
  ttlTimeProvider?: TtlTimeProvider;
}

export class HeapKeyedStateBackend<K> implements KeyedStateBackend<K> {
  private readonly tables = new Map<string, StateTable<K, unknown, unknown>>();
  private readonly states = new Map<string, InternalKvState<unknown>>();
  private currentKey?: K;
  private currentKeyIdentity: unknown;
  private currentKeyGroupIndex: KeyGroup = -1;

  constructor(private readonly options: HeapKeyedStateBackendOptions) {}

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
    const state = createStateAndWrapWithTtlIfEnabled(described, <S extends AnyStateDescriptor>(d: S) => createHeapState(table, d) as InternalStateFor<unknown, S>, ttlTimeProvider);
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

  snapshotKeyGroup(keyGroup: KeyGroup): KeyGroupStateSnapshot {
    const states: StateSnapshot[] = [];
    for (const table of this.tables.values()) {
      const entries = table.snapshotKeyGroup(keyGroup);
      if (entries.length > 0) states.push({ name: table.name, type: table.type, entries });
    }
    return { keyGroup, states };
  }

  restoreKeyGroup(snapshot: KeyGroupStateSnapshot): void {
    for (const { name, type, entries } of snapshot.states) this.tableFor(name, type).restoreKeyGroup(snapshot.keyGroup, entries);
  }

  dispose(): void {
    for (const table of this.tables.values()) table.clearAll();
  }

  /** The state's table; a restore may create it before the function asks for the state. */
  private tableFor(name: string, type: StateDescriptor<unknown>['type']): StateTable<K, unknown, unknown> {
    let table = this.tables.get(name);
    if (!table) this.tables.set(name, (table = new StateTable(name, type, this, this.options.description, type === 'map' ? userMapFormat as StateValueFormat<unknown> : undefined)));
    else if (table.type !== type) throw new TypeError(`${this.options.description}: state "${name}" is ${table.type} state, requested as ${type} state`);
    return table;
  }
}

function createHeapState<K>(table: StateTable<K, unknown, unknown>, descriptor: AnyStateDescriptor): InternalKvState<unknown> {
  switch (descriptor.type) {
    case 'value': return new HeapValueState(table, descriptor.defaultValue);
    case 'list': return new HeapListState(table as StateTable<K, unknown, unknown[]>);
    case 'map': return new HeapMapState(table as StateTable<K, unknown, Map<unknown, [unknown, unknown]>>);
    case 'reducing': return new HeapReducingState(table, descriptor.reduceFunction);
    case 'aggregating': return new HeapAggregatingState(table, descriptor.aggregateFunction);
  }
}

function describeKey(key: unknown): string {
  try {
    return JSON.stringify(key) ?? String(key);
  } catch {
    return String(key);
  }
}
