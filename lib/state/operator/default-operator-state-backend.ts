// Operator state of one operator subtask, in memory (Flink's DefaultOperatorStateBackend).
// A restore loads every state of the snapshot at once, so that states the function does not
// ask for again are kept in the next snapshot too.
import type { ListState } from '../list-state.ts';
import type { ListStateDescriptor } from '../list-state-descriptor.ts';
import type { MapStateDescriptor } from '../map-state-descriptor.ts';
import type { BroadcastState } from './broadcast-state.ts';
import { HeapBroadcastState } from './heap-broadcast-state.ts';
import type { OperatorStateDistributionMode, OperatorStateEntrySnapshot, OperatorStateSnapshot } from './operator-state-snapshot.ts';
import type { OperatorStateStore } from './operator-state-store.ts';
import { PartitionableListState } from './partitionable-list-state.ts';

export class DefaultOperatorStateBackend implements OperatorStateStore {
  private readonly listStates = new Map<string, PartitionableListState<unknown>>();
  private readonly broadcastStates = new Map<string, HeapBroadcastState<unknown, unknown>>();
  /** Restored entries not yet asked for, by name. */
  private readonly restored = new Map<string, OperatorStateEntrySnapshot>();

  constructor(
    /** The operator subtask, for errors: `"Source" (1/2)`. */
    private readonly description: string,
    restored?: OperatorStateSnapshot,
  ) {
    for (const state of restored?.operatorStates ?? []) this.restored.set(state.name, state);
  }

  getListState<T>(descriptor: ListStateDescriptor<T>): ListState<T> {
    return this.listState(descriptor.name, 'SPLIT_DISTRIBUTE') as ListState<T>;
  }

  getUnionListState<T>(descriptor: ListStateDescriptor<T>): ListState<T> {
    return this.listState(descriptor.name, 'UNION') as ListState<T>;
  }

  getBroadcastState<K, V>(descriptor: MapStateDescriptor<K, V>): BroadcastState<K, V> {
    const { name } = descriptor;
    let state = this.broadcastStates.get(name);
    if (!state) {
      this.checkUnused(name, 'BROADCAST');
      this.broadcastStates.set(name, (state = new HeapBroadcastState(this.takeRestored(name, 'BROADCAST') as [unknown, unknown][])));
    }
    return state as HeapBroadcastState<K, V>;
  }

  /** Every state as plain data, restored ones not asked for again included. */
  snapshot(): OperatorStateSnapshot {
    const operatorStates: OperatorStateEntrySnapshot[] = [...this.restored.values()];
    for (const state of this.listStates.values()) operatorStates.push({ name: state.name, mode: state.mode, entries: state.snapshot() });
    for (const [name, state] of this.broadcastStates) operatorStates.push({ name, mode: 'BROADCAST', entries: state.snapshot() });
    return { operatorStates };
  }

  private listState(name: string, mode: OperatorStateDistributionMode): PartitionableListState<unknown> {
    let state = this.listStates.get(name);
    if (state) {
      if (state.mode !== mode) throw new TypeError(`operator state "${name}" of ${this.description} is registered as ${describeMode(state.mode)}, requested as ${describeMode(mode)}`);
      return state;
    }
    this.checkUnused(name, mode);
    this.listStates.set(name, (state = new PartitionableListState(name, mode, this.takeRestored(name, mode), this.description)));
    return state;
  }

  private checkUnused(name: string, mode: OperatorStateDistributionMode): void {
    const other = this.listStates.get(name)?.mode ?? (this.broadcastStates.has(name) ? 'BROADCAST' : undefined);
    if (other) throw new TypeError(`operator state "${name}" of ${this.description} is registered as ${describeMode(other)}, requested as ${describeMode(mode)}`);
  }

  private takeRestored(name: string, mode: OperatorStateDistributionMode): unknown[] {
    const restored = this.restored.get(name);
    if (!restored) return [];
    if (restored.mode !== mode) throw new TypeError(`operator state "${name}" of ${this.description} was snapshotted as ${describeMode(restored.mode)}, requested as ${describeMode(mode)}`);
    this.restored.delete(name);
    return restored.entries;
  }
}

function describeMode(mode: OperatorStateDistributionMode): string {
  switch (mode) {
    case 'SPLIT_DISTRIBUTE': return 'list state';
    case 'UNION': return 'union list state';
    case 'BROADCAST': return 'broadcast state';
  }
}
