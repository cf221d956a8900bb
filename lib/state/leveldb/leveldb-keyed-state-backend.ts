// Keyed state on local disk (Flink's RocksDBKeyedStateBackend, with LevelDB): one LevelDB
// database per keyed operator subtask, in a directory of its own that is removed when the task
// ends. Hot values stay in a bounded cache and writes go out in background batches (see
// LevelDBStateStore), so the state may be larger than memory; the keys of each state stay in
// memory (see LevelDBStateTable). A snapshot takes a database view synchronously and reads it
// out asynchronously, key group by key group, in the format of every backend: a checkpoint
// taken here restores on the heap backend and back, at any parallelism.
import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { AbstractKeyedStateBackend, type KeyedStateBackendOptions } from '../abstract-keyed-state-backend.ts';
import type { KeyGroupStateSnapshot, StateSnapshot } from '../key-group-state-snapshot.ts';
import type { StateValueFormat } from '../keyed-state-table.ts';
import type { StateDescriptorType } from '../state-descriptor.ts';
import { unpackStateValue } from '../state-snapshot-codec.ts';
import { LevelDBStateStore, type StoreSnapshot } from './leveldb-state-store.ts';
import { keyGroupPrefix, LevelDBStateTable } from './leveldb-state-table.ts';

export interface LevelDBKeyedStateBackendOptions extends KeyedStateBackendOptions {
  /** The directory the database's own directory is created in. */
  localDirectory: string;
  /** How many decoded values the cache keeps (default 100 000). */
  cacheEntries?: number;
  /** How many buffered writes start a background batch (default 10 000). */
  writeBatchEntries?: number;
}

export class LevelDBKeyedStateBackend<K> extends AbstractKeyedStateBackend<K, LevelDBStateTable<K, unknown, unknown>> {
  private readonly store: LevelDBStateStore;

  private constructor(options: LevelDBKeyedStateBackendOptions, directory: string) {
    super(options);
    this.store = new LevelDBStateStore(directory, {
      cacheEntries: options.cacheEntries ?? 100_000,
      writeBatchEntries: options.writeBatchEntries ?? 10_000,
      description: options.description,
    });
  }

  /** A backend with a fresh database in a new directory under `localDirectory`. */
  static async create<K>(options: LevelDBKeyedStateBackendOptions): Promise<LevelDBKeyedStateBackend<K>> {
    let directory: string;
    try {
      directory = mkdtempSync(join(options.localDirectory, 'sluice-leveldb-state-'));
    } catch (error) {
      throw new Error(`${options.description}: cannot create the LevelDB state backend's directory in ${options.localDirectory}: ${(error as Error).message}`);
    }
    const backend = new LevelDBKeyedStateBackend<K>(options, directory);
    await backend.store.open();
    return backend;
  }

  /** Where the database lives. */
  get directory(): string {
    return this.store.directory;
  }

  protected createTable(name: string, type: StateDescriptorType, format?: StateValueFormat<unknown>): LevelDBStateTable<K, unknown, unknown> {
    return new LevelDBStateTable(name, type, this.tables.size, this, this.store, this.options.description, format);
  }

  snapshot(): Promise<KeyGroupStateSnapshot[]> {
    return this.readSnapshot(this.store.snapshot(), [...this.tables.values()]);
  }

  restoreKeyGroup(snapshot: KeyGroupStateSnapshot): void {
    const { startKeyGroup, endKeyGroup } = this.options.keyGroupRange;
    if (snapshot.keyGroup < startKeyGroup || snapshot.keyGroup > endKeyGroup) {
      throw new RangeError(`${this.options.description}: key group ${snapshot.keyGroup} is not among this subtask's key groups ${startKeyGroup}..${endKeyGroup}`);
    }
    for (const { name, type, entries } of snapshot.states) {
      const table = this.tableFor(name, type);
      for (const [key, namespace, value] of entries) table.restoreEntry(snapshot.keyGroup, key as K, namespace, value);
    }
  }

  async dispose(): Promise<void> {
    await this.store.destroy();
  }

  /** The asynchronous part: the view's entries, grouped by key group and state (the database keys' order). */
  private async readSnapshot(snapshot: StoreSnapshot, tables: LevelDBStateTable<K, unknown, unknown>[]): Promise<KeyGroupStateSnapshot[]> {
    const snapshots: KeyGroupStateSnapshot[] = [];
    let keyGroup: KeyGroupStateSnapshot | undefined;
    let state: StateSnapshot | undefined;
    try {
      const { startKeyGroup, endKeyGroup } = this.options.keyGroupRange;
      for (const [key, bytes] of await this.store.read(snapshot, keyGroupPrefix(startKeyGroup), keyGroupPrefix(endKeyGroup + 1))) {
        const table = tables[key.charCodeAt(1)]!;
        const [userKey, namespace, plain] = unpackStateValue(bytes) as [unknown, unknown, unknown];
        const kept = table.snapshotTransformer ? table.snapshotTransformer(plain) : plain;
        if (kept === undefined) continue;
        const group = key.charCodeAt(0);
        if (keyGroup?.keyGroup !== group) {
          snapshots.push((keyGroup = { keyGroup: group, states: [] }));
          state = undefined;
        }
        if (state?.name !== table.name) keyGroup.states.push((state = { name: table.name, type: table.type, entries: [] }));
        state.entries.push([userKey, namespace, kept]);
      }
    } finally {
      await snapshot.view.close();
    }
    return snapshots;
  }
}
