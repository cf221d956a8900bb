// Where a keyed operator's state lives (Flink's KeyedStateBackend), scoped by key group: a value
// belongs to (state name, key group, key, namespace). The heap backend and the embedded
// LevelDB backend implement it; every access is synchronous (the LevelDB backend caches and
// writes in batches, never awaits per record).
import type { InternalKeyContext } from './internal-key-context.ts';
import type { AggregatingStateDescriptor } from './aggregating-state-descriptor.ts';
import type { InternalAggregatingState, InternalListState, InternalMapState, InternalReducingState, InternalValueState } from './internal-kv-state.ts';
import type { KeyGroupStateSnapshot } from './key-group-state-snapshot.ts';
import type { ListStateDescriptor } from './list-state-descriptor.ts';
import type { MapStateDescriptor } from './map-state-descriptor.ts';
import type { ReducingStateDescriptor } from './reducing-state-descriptor.ts';
import type { StateDescriptor } from './state-descriptor.ts';
import type { ValueStateDescriptor } from './value-state-descriptor.ts';

/** The internal state a descriptor creates: one branch per state kind. */
export type InternalStateFor<N, D> =
  D extends ValueStateDescriptor<infer T> ? InternalValueState<N, T>
  : D extends ListStateDescriptor<infer T> ? InternalListState<N, T>
  : D extends MapStateDescriptor<infer UK, infer UV> ? InternalMapState<N, UK, UV>
  : D extends ReducingStateDescriptor<infer T> ? InternalReducingState<N, T>
  : D extends AggregatingStateDescriptor<infer IN, infer ACC, infer OUT> ? InternalAggregatingState<N, IN, ACC, OUT>
  : never;

export interface KeyedStateBackend<K> extends InternalKeyContext<K> {
  /**
   * The state for `descriptor`, created on first use, the same object on every later call.
   * A name is one state: asking for it with a descriptor of another kind throws.
   */
  getOrCreateKeyedState<N, D extends StateDescriptor<unknown>>(descriptor: D): InternalStateFor<N, D>;
  /** As getOrCreateKeyedState, with its namespace set: what a user function's `getState` gets. */
  getPartitionedState<N, D extends StateDescriptor<unknown>>(namespace: N, descriptor: D): InternalStateFor<N, D>;
  /** The keys that hold a value of state `name` in `namespace`. */
  getKeys(name: string, namespace: unknown): Iterable<K>;
  /**
   * Checkpoints the state of every key group this subtask owns, as plain data, only the key
   * groups that hold any. This call is the synchronous part: it fixes what the snapshot holds.
   * The heap backend returns the key groups themselves, sharing the live values (encode them
   * before the next record is processed); the LevelDB backend returns the asynchronous part, a
   * promise that reads them out of a database snapshot while the stream goes on.
   */
  snapshot(): KeyGroupStateSnapshot[] | Promise<KeyGroupStateSnapshot[]>;
  /** Loads a key group this subtask owns, before any record is processed. */
  restoreKeyGroup(snapshot: KeyGroupStateSnapshot): void;
  /** Drops every value and releases what holds them (the LevelDB backend's database and its directory). */
  dispose(): Promise<void>;
}
