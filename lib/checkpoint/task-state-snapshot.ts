// What one subtask's checkpoint holds, as plain data (it travels in the acknowledgement and
// in a deployment that restores): per operator of its chain, the operator's own snapshot
// (its snapshotState result: a source's position, …) and, for a keyed operator, its keyed
// state and timers one key group at a time, so a restore can hand each key group to
// whichever subtask owns it at the parallelism of the restored job.
import type { KeyGroup } from '../exchange/key-groups.ts';
import type { KeyGroupStateSnapshot } from '../state/key-group-state-snapshot.ts';
import type { KeyGroupTimersSnapshot } from '../time/internal-time-service-manager.ts';

export interface KeyGroupSnapshot {
  keyGroup: KeyGroup;
  state: KeyGroupStateSnapshot;
  timers: KeyGroupTimersSnapshot;
}

/** Flink's OperatorSubtaskState. */
export interface OperatorSubtaskState {
  operatorState?: unknown;
  /** Only the key groups that hold state or timers. */
  keyGroups?: KeyGroupSnapshot[];
}

/** Flink's TaskStateSnapshot: by operator id. */
export type TaskStateSnapshot = Record<string, OperatorSubtaskState>;
