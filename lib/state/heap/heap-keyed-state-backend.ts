// Keyed state in memory (Flink's HeapKeyedStateBackend): one StateTable per state name, its
// values the live objects. A snapshot shares them, so it is encoded before the next record.
import type { KeyGroup } from '../../exchange/key-groups.ts';
import { AbstractKeyedStateBackend, type KeyedStateBackendOptions } from '../abstract-keyed-state-backend.ts';
import type { KeyGroupStateSnapshot, StateSnapshot } from '../key-group-state-snapshot.ts';
import type { StateValueFormat } from '../keyed-state-table.ts';
import type { StateDescriptorType } from '../state-descriptor.ts';
import { StateTable } from './state-table.ts';

export type HeapKeyedStateBackendOptions = KeyedStateBackendOptions;

export class HeapKeyedStateBackend<K> extends AbstractKeyedStateBackend<K, StateTable<K, unknown, unknown>> {
  protected createTable(name: string, type: StateDescriptorType, format?: StateValueFormat<unknown>): StateTable<K, unknown, unknown> {
    return new StateTable(name, type, this, this.options.description, format);
  }

  /** Every key group that holds state, synchronously: nothing is copied. */
  snapshot(): KeyGroupStateSnapshot[] {
    const snapshots: KeyGroupStateSnapshot[] = [];
    const { startKeyGroup, endKeyGroup } = this.options.keyGroupRange;
    for (let keyGroup = startKeyGroup; keyGroup <= endKeyGroup; keyGroup++) {
      const snapshot = this.snapshotKeyGroup(keyGroup);
      if (snapshot.states.length > 0) snapshots.push(snapshot);
    }
    return snapshots;
  }

  /** One key group's state; it shares the live values. */
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

  async dispose(): Promise<void> {
    for (const table of this.tables.values()) table.clearAll();
  }
}
