// A checkpoint triggered and not yet acknowledged by every subtask (Flink's
// PendingCheckpoint): it collects each subtask's state into the operators' states, and
// becomes a CompletedCheckpoint once the last subtask acknowledged.
import type { JobGraph } from '../graph/job-graph.ts';
import type { CheckpointType } from './checkpoint-type.ts';
import type { CompletedCheckpoint, OperatorState } from './completed-checkpoint.ts';
import type { TaskStateSnapshot } from './task-state-snapshot.ts';

/** A subtask, as the coordinator names it: "<vertexId>/<subtaskIndex>". */
export type SubtaskKey = string;

export const subtaskKey = (vertexId: string, subtaskIndex: number): SubtaskKey => `${vertexId}/${subtaskIndex}`;

export class PendingCheckpoint {
  private readonly notYetAcknowledged: Set<SubtaskKey>;
  private readonly operators: Record<string, OperatorState> = {};
  private readonly vertexOf = new Map<string, { parallelism: number; maxParallelism: number }>();

  constructor(
    readonly jobId: string,
    readonly checkpointId: number,
    readonly timestamp: number,
    jobGraph: JobGraph,
    readonly checkpointType: CheckpointType = 'CHECKPOINT',
    /** Where a savepoint goes. */
    readonly targetDirectory?: string,
  ) {
    this.notYetAcknowledged = new Set(jobGraph.vertices.flatMap((vertex) => Array.from({ length: vertex.parallelism }, (_, i) => subtaskKey(vertex.id, i))));
    for (const vertex of jobGraph.vertices) for (const operatorId of vertex.operatorIds) this.vertexOf.set(operatorId, vertex);
  }

  get isFullyAcknowledged(): boolean {
    return this.notYetAcknowledged.size === 0;
  }

  isWaitingFor(vertexId: string, subtaskIndex: number): boolean {
    return this.notYetAcknowledged.has(subtaskKey(vertexId, subtaskIndex));
  }

  /** Returns false for a subtask this checkpoint does not wait for (unknown, or acknowledged before). */
  acknowledgeTask(vertexId: string, subtaskIndex: number, state: TaskStateSnapshot): boolean {
    if (!this.notYetAcknowledged.delete(subtaskKey(vertexId, subtaskIndex))) return false;
    for (const [operatorId, { operatorState, keyGroups }] of Object.entries(state)) {
      const vertex = this.vertexOf.get(operatorId);
      if (!vertex) continue;
      const operator = (this.operators[operatorId] ??= { operatorId, parallelism: vertex.parallelism, maxParallelism: vertex.maxParallelism, subtaskStates: {}, keyGroups: [] });
      if (operatorState !== undefined) operator.subtaskStates[subtaskIndex] = operatorState;
      if (keyGroups) operator.keyGroups.push(...keyGroups);
    }
    return true;
  }

  finalizeCheckpoint(completedAt: number): CompletedCheckpoint {
    return { jobId: this.jobId, checkpointId: this.checkpointId, timestamp: this.timestamp, completedAt, operators: this.operators };
  }
}
