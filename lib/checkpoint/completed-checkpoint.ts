// A checkpoint every subtask acknowledged (Flink's CompletedCheckpoint), with its state by
// operator: each subtask's own operator snapshot, and the keyed state of all key groups
// together, so that a restore at another parallelism regroups them by the new ranges.
import { keyGroupRangeForOperator } from '../exchange/key-groups.ts';
import type { JobVertex } from '../graph/job-graph.ts';
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
      operatorState: state.subtaskStates[subtaskIndex],
      keyGroups: state.keyGroups.filter(({ keyGroup }) => keyGroup >= range.startKeyGroup && keyGroup <= range.endKeyGroup),
    };
  }
  return restore;
}
