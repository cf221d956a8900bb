// Keyed state as plain data, one key group at a time, so that msgpackr can encode it and a
// restore can hand each key group to whichever subtask owns it at the new parallelism.
import type { KeyGroup } from '../exchange/key-groups.ts';
import type { StateDescriptorType } from './state-descriptor.ts';

/** One (key, namespace, value) entry of a state. */
export type StateEntrySnapshot = [key: unknown, namespace: unknown, value: unknown];

export interface StateSnapshot {
  name: string;
  type: StateDescriptorType;
  entries: StateEntrySnapshot[];
}

export interface KeyGroupStateSnapshot {
  keyGroup: KeyGroup;
  /** Only the states that hold something in this key group. */
  states: StateSnapshot[];
}
