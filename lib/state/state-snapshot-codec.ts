// State snapshots as bytes (msgpackr), for checkpoint storage and the LevelDB backend. A value
// msgpackr cannot encode (a function, a Symbol, a cycle) fails the snapshot with one line that
// names the state, the operator subtask and the key, never silently (msgpackr alone would
// write a function as undefined).
import { Packr, Unpackr } from 'msgpackr';
import { describeEncodeFailure, FunctionNotEncodable } from '../exchange/codec.ts';
import type { TaskStateSnapshot } from '../checkpoint/task-state-snapshot.ts';
import type { KeyGroupStateSnapshot } from './key-group-state-snapshot.ts';
import { isOperatorStateSnapshot, type OperatorStateSnapshot } from './operator/operator-state-snapshot.ts';

const options = { useRecords: false, moreTypes: true } as const;
const packr = new Packr({ ...options, writeFunction: () => { throw new FunctionNotEncodable(); } });
const unpackr = new Unpackr(options);

export class StateEncodeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StateEncodeError';
  }
}

/** Encodes one value of a state; `place` names it in the error: `state "count" of "Counter" (1/2), key "a"`. */
export function packStateValue(value: unknown, place: () => string): Uint8Array {
  try {
    return packr.pack(value);
  } catch (error) {
    throw new StateEncodeError(`${place()}: ${describeEncodeFailure(error)}`);
  }
}

export function unpackStateValue(bytes: Uint8Array): unknown {
  return unpackr.unpack(bytes);
}

/** A key group's keyed state as bytes; `description` names the operator subtask. */
export function packKeyGroupSnapshot(snapshot: KeyGroupStateSnapshot, description: string): Uint8Array {
  try {
    return packr.pack(snapshot);
  } catch (error) {
    for (const { name, entries } of snapshot.states) {
      for (const [key, , value] of entries) packStateValue(value, () => `state "${name}" of ${description}, key ${describeKey(key)}`);
    }
    throw new StateEncodeError(`keyed state of ${description}, key group ${snapshot.keyGroup}: ${describeEncodeFailure(error)}`);
  }
}

/** An operator's operator state as bytes. */
export function packOperatorStateSnapshot(snapshot: OperatorStateSnapshot, description: string): Uint8Array {
  try {
    return packr.pack(snapshot);
  } catch (error) {
    for (const { name, entries } of snapshot.operatorStates) packStateValue(entries, () => `operator state "${name}" of ${description}`);
    throw new StateEncodeError(`operator state of ${description}: ${describeEncodeFailure(error)}`);
  }
}

/**
 * A subtask's whole checkpoint as bytes, as its acknowledgement carries it; `describeOperator`
 * names an operator subtask by operator id (`"Counter" (1/2)`). On failure, the operator
 * states are tried one by one so that the error names the first value that cannot be encoded.
 */
export function packTaskStateSnapshot(snapshot: TaskStateSnapshot, describeOperator: (operatorId: string) => string): Uint8Array {
  try {
    return packr.pack(snapshot);
  } catch (error) {
    for (const [operatorId, { operatorState, keyGroups }] of Object.entries(snapshot)) {
      const description = describeOperator(operatorId);
      if (isOperatorStateSnapshot(operatorState)) packOperatorStateSnapshot(operatorState, description);
      else packStateValue(operatorState, () => `the snapshot of ${description}`);
      for (const { keyGroup, state, timers } of keyGroups ?? []) {
        packKeyGroupSnapshot(state, description);
        packStateValue(timers, () => `timers of ${description}, key group ${keyGroup}`);
      }
    }
    throw new StateEncodeError(`the checkpoint of ${Object.keys(snapshot).map(describeOperator).join(', ')}: ${describeEncodeFailure(error)}`);
  }
}

export function unpackTaskStateSnapshot(bytes: Uint8Array): TaskStateSnapshot {
  return unpackr.unpack(bytes) as TaskStateSnapshot;
}

function describeKey(key: unknown): string {
  try {
    return JSON.stringify(key) ?? String(key);
  } catch {
    return String(key);
  }
}
