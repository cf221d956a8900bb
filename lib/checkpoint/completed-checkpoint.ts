// A checkpoint every subtask acknowledged (Flink's CompletedCheckpoint), with its state by
// operator: each subtask's own operator snapshot, and the keyed state of all key groups
// together, so that a restore at another parallelism regroups them by the new ranges.
import { keyGroupRangeForOperator } from '../exchange/key-groups.ts';
import type { JobVertex } from '../graph/job-graph.ts';
import { isOperatorStateSnapshot, type OperatorStateSnapshot } from '../state/operator/operator-state-snapshot.ts';
import { repartitionOperatorState } from '../state/operator/round-robin-operator-state-repartitioner.ts';
import type { KeyGroupSnapshot, TaskStateSnapshot } from './task-state-snapshot.ts';

/** One operator's state across its subtasks (Flink's OperatorState). */
export interface OperatorState {
  operatorId: string;
  parallelism: number;
  maxParallelism: number;
  /** Each subtask's operator snapshot, by subtask index (absent where it returned nothing). */
  subtaskStates: Record<number, unknown>;
  keyGroups: KeyGroupSnapshot[];
}

export interface CompletedCheckpoint {
  jobId: string;
  checkpointId: number;
  /** When it was triggered. */
  timestamp: number;
  completedAt: number;
  operators: Record<string, OperatorState>;
}

/** What subtask `subtaskIndex` of `vertex` restores: its own operator snapshots and the key groups it owns now. */
export function taskStateToRestore(checkpoint: CompletedCheckpoint, vertex: JobVertex, subtaskIndex: number): TaskStateSnapshot {
  const restore: TaskStateSnapshot = {};
  const range = keyGroupRangeForOperator(vertex.maxParallelism, vertex.parallelism, subtaskIndex);
  for (const operatorId of vertex.operatorIds) {
    const state = checkpoint.operators[operatorId];
    if (!state) continue;
    if (state.keyGroups.length > 0 && state.maxParallelism !== vertex.maxParallelism) {
      throw new Error(`checkpoint ${checkpoint.checkpointId}: operator ${operatorId} of "${vertex.name}" was checkpointed with max parallelism ${state.maxParallelism}, the job now has ${vertex.maxParallelism}`);
    }
    restore[operatorId] = {
      operatorState: operatorStateToRestore(state, vertex.parallelism, subtaskIndex),
      keyGroups: state.keyGroups.filter(({ keyGroup }) => keyGroup >= range.startKeyGroup && keyGroup <= range.endKeyGroup),
    };
  }
  return restore;
}

/**
 * Operator state (list, union list, broadcast) is dealt out again over the new subtasks, as
 * Flink's RoundRobinOperatorStateRepartitioner does: a union list reaches every subtask even at
 * an unchanged parallelism. Any other snapshot (a source's position) goes back to its subtask.
 */
function operatorStateToRestore(state: OperatorState, parallelism: number, subtaskIndex: number): unknown {
  const previous = Array.from({ length: state.parallelism }, (_, index) => state.subtaskStates[index]);
  const isOperatorState = previous.some((snapshot) => snapshot !== undefined)
    && previous.every((snapshot) => snapshot === undefined || isOperatorStateSnapshot(snapshot));
  if (!isOperatorState) return state.subtaskStates[subtaskIndex];
  return repartitionOperatorState(previous as (OperatorStateSnapshot | undefined)[], parallelism)[subtaskIndex];
}
