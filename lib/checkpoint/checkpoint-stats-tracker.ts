// Flink's CheckpointStatsTracker: the JobMaster's figures on its checkpoints, fed by the
// CheckpointCoordinator (trigger, each subtask's acknowledgement with its metrics, completion,
// failure, restore). createSnapshot() gives them in the JSON shape of Flink's REST
// `/jobs/:jobid/checkpoints` (counts, summary, latest, history), each history entry with its
// tasks' subtask details as `/jobs/:jobid/checkpoints/details/:id/subtasks/:vertexid` gives them.
import type { JobGraph } from '../graph/job-graph.ts';
import type { SubtaskCheckpointReport } from './checkpoint-metrics.ts';

/** Flink's web.checkpoints.history default. */
const defaultHistorySize = 10;

export type CheckpointStatsStatus = 'IN_PROGRESS' | 'COMPLETED' | 'FAILED';

export interface MinMaxAvgStatistics {
  min: number;
  max: number;
  avg: number;
}

export type SubtaskCheckpointStatistics =
  | { index: number; status: 'pending_or_failed' }
  | {
    index: number;
    status: 'completed';
    ack_timestamp: number;
    end_to_end_duration: number;
    state_size: number;
    checkpoint: { sync: number; async: number };
    /** Aligned checkpoints only: no in-flight data is buffered or persisted. */
    alignment: { buffered: 0; persisted: 0; duration: number };
    start_delay: number;
    unaligned_checkpoint: false;
  };

export interface TaskCheckpointStatistics {
  id: number;
  status: CheckpointStatsStatus;
  latest_ack_timestamp: number;
  state_size: number;
  end_to_end_duration: number;
  num_subtasks: number;
  num_acknowledged_subtasks: number;
  subtasks: SubtaskCheckpointStatistics[];
}

export interface CheckpointStatistics {
  id: number;
  status: CheckpointStatsStatus;
  is_savepoint: boolean;
  checkpoint_type: 'CHECKPOINT' | 'SAVEPOINT' | 'SYNC_SAVEPOINT';
  trigger_timestamp: number;
  latest_ack_timestamp: number;
  state_size: number;
  end_to_end_duration: number;
  num_subtasks: number;
  num_acknowledged_subtasks: number;
  /** By job vertex id. */
  tasks: Record<string, TaskCheckpointStatistics>;
  /** Completed only: where it is stored, and whether it was discarded since (no longer retained). */
  external_path?: string;
  discarded?: boolean;
  /** Failed only. */
  failure_timestamp?: number;
  failure_message?: string;
}

export interface RestoredCheckpointStatistics {
  id: number;
  restore_timestamp: number;
  is_savepoint: boolean;
  external_path: string;
}

/** Flink's CheckpointingStatistics, the body of `GET /jobs/:jobid/checkpoints`. */
export interface CheckpointingStatistics {
  counts: { restored: number; total: number; in_progress: number; completed: number; failed: number };
  summary: { state_size: MinMaxAvgStatistics; end_to_end_duration: MinMaxAvgStatistics; alignment_duration: MinMaxAvgStatistics };
  latest: {
    completed: CheckpointStatistics | null;
    savepoint: CheckpointStatistics | null;
    failed: CheckpointStatistics | null;
    restored: RestoredCheckpointStatistics | null;
  };
  /** Newest first. */
  history: CheckpointStatistics[];
}

class MinMaxAvg {
  private count = 0;
  private sum = 0;
  private min = Number.POSITIVE_INFINITY;
  private max = Number.NEGATIVE_INFINITY;

  add(value: number): void {
    this.count++;
    this.sum += value;
    this.min = Math.min(this.min, value);
    this.max = Math.max(this.max, value);
  }

  /** Flink reports 0 for all three before the first value. */
  statistics(): MinMaxAvgStatistics {
    return this.count === 0 ? { min: 0, max: 0, avg: 0 } : { min: this.min, max: this.max, avg: Math.round(this.sum / this.count) };
  }
}

export class CheckpointStatsTracker {
  /** Newest first, at most historySize, in progress ones included. */
  private readonly history: CheckpointStatistics[] = [];
  /** In progress, by id: also those already pushed out of the history. */
  private readonly pending = new Map<number, CheckpointStatistics>();
  private readonly counts = { restored: 0, total: 0, completed: 0, failed: 0 };
  private readonly stateSize = new MinMaxAvg();
  private readonly endToEndDuration = new MinMaxAvg();
  private readonly alignmentDuration = new MinMaxAvg();
  private latestCompleted: CheckpointStatistics | null = null;
  private latestFailed: CheckpointStatistics | null = null;
  private latestRestored: RestoredCheckpointStatistics | null = null;
  private latestSavepoint: CheckpointStatistics | null = null;

  constructor(private readonly jobGraph: JobGraph, private readonly externalPath: (checkpointId: number) => string, private readonly historySize = defaultHistorySize) {}

  /** `savepoint`: Flink's checkpoint_type for one, SAVEPOINT or SYNC_SAVEPOINT (stop-with-savepoint). */
  reportPendingCheckpoint(checkpointId: number, triggerTimestamp: number, savepoint?: 'SAVEPOINT' | 'SYNC_SAVEPOINT'): void {
    const tasks: Record<string, TaskCheckpointStatistics> = {};
    for (const vertex of this.jobGraph.vertices) {
      tasks[vertex.id] = {
        id: checkpointId, status: 'IN_PROGRESS', latest_ack_timestamp: 0, state_size: 0, end_to_end_duration: 0,
        num_subtasks: vertex.parallelism, num_acknowledged_subtasks: 0,
        subtasks: Array.from({ length: vertex.parallelism }, (_, index) => ({ index, status: 'pending_or_failed' })),
      };
    }
    this.counts.total++;
    const checkpoint: CheckpointStatistics = {
      id: checkpointId, status: 'IN_PROGRESS', is_savepoint: savepoint !== undefined, checkpoint_type: savepoint ?? 'CHECKPOINT', trigger_timestamp: triggerTimestamp,
      latest_ack_timestamp: 0, state_size: 0, end_to_end_duration: 0,
      num_subtasks: Object.values(tasks).reduce((sum, task) => sum + task.num_subtasks, 0), num_acknowledged_subtasks: 0, tasks,
    };
    this.pending.set(checkpointId, checkpoint);
    this.history.unshift(checkpoint);
    this.history.splice(this.historySize);
  }

  reportSubtaskStats(checkpointId: number, vertexId: string, subtaskIndex: number, ackTimestamp: number, { metrics, stateSize }: SubtaskCheckpointReport): void {
    const checkpoint = this.pending.get(checkpointId);
    const task = checkpoint?.tasks[vertexId];
    if (!checkpoint || !task || task.subtasks[subtaskIndex]?.status !== 'pending_or_failed') return;
    const endToEnd = Math.max(0, ackTimestamp - checkpoint.trigger_timestamp);
    task.subtasks[subtaskIndex] = {
      index: subtaskIndex, status: 'completed', ack_timestamp: ackTimestamp, end_to_end_duration: endToEnd, state_size: stateSize,
      checkpoint: { sync: Math.round(metrics.syncDurationMs), async: Math.round(metrics.asyncDurationMs) },
      alignment: { buffered: 0, persisted: 0, duration: Math.round(metrics.alignmentDurationMs) },
      start_delay: Math.max(0, Math.round(metrics.checkpointStartDelayMs)), unaligned_checkpoint: false,
    };
    this.alignmentDuration.add(Math.round(metrics.alignmentDurationMs));
    for (const entry of [task, checkpoint]) {
      entry.num_acknowledged_subtasks++;
      entry.state_size += stateSize;
      entry.latest_ack_timestamp = Math.max(entry.latest_ack_timestamp, ackTimestamp);
      entry.end_to_end_duration = Math.max(entry.end_to_end_duration, endToEnd);
    }
  }

  /** `savepointPath`: where a savepoint was written. */
  reportCompletedCheckpoint(checkpointId: number, completedAt: number, savepointPath?: string): void {
    const checkpoint = this.finish(checkpointId, 'COMPLETED');
    if (!checkpoint) return;
    checkpoint.end_to_end_duration = Math.max(0, completedAt - checkpoint.trigger_timestamp);
    checkpoint.external_path = savepointPath ?? this.externalPath(checkpointId);
    checkpoint.discarded = false;
    this.counts.completed++;
    this.stateSize.add(checkpoint.state_size);
    this.endToEndDuration.add(checkpoint.end_to_end_duration);
    if (checkpoint.is_savepoint) this.latestSavepoint = checkpoint;
    else this.latestCompleted = checkpoint;
  }

  reportFailedCheckpoint(checkpointId: number, failureTimestamp: number, failureMessage: string): void {
    const checkpoint = this.finish(checkpointId, 'FAILED');
    if (!checkpoint) return;
    checkpoint.failure_timestamp = failureTimestamp;
    checkpoint.failure_message = failureMessage;
    checkpoint.end_to_end_duration = Math.max(0, failureTimestamp - checkpoint.trigger_timestamp);
    this.counts.failed++;
    this.latestFailed = checkpoint;
  }

  /** A completed checkpoint no longer retained. */
  reportDiscardedCheckpoint(checkpointId: number): void {
    for (const checkpoint of [...this.history, this.latestCompleted]) if (checkpoint?.id === checkpointId && checkpoint.status === 'COMPLETED') checkpoint.discarded = true;
  }

  /** `savepointPath`: the job started from that savepoint. */
  reportRestoredCheckpoint(checkpointId: number, restoreTimestamp: number, savepointPath?: string): void {
    this.counts.restored++;
    this.latestRestored = { id: checkpointId, restore_timestamp: restoreTimestamp, is_savepoint: savepointPath !== undefined, external_path: savepointPath ?? this.externalPath(checkpointId) };
  }

  /** A copy, safe to send and to keep. */
  createSnapshot(): CheckpointingStatistics {
    return structuredClone({
      counts: { ...this.counts, in_progress: this.pending.size },
      summary: { state_size: this.stateSize.statistics(), end_to_end_duration: this.endToEndDuration.statistics(), alignment_duration: this.alignmentDuration.statistics() },
      latest: { completed: this.latestCompleted, savepoint: this.latestSavepoint, failed: this.latestFailed, restored: this.latestRestored },
      history: this.history,
    });
  }

  private finish(checkpointId: number, status: 'COMPLETED' | 'FAILED'): CheckpointStatistics | undefined {
    const checkpoint = this.pending.get(checkpointId);
    if (!checkpoint) return undefined;
    this.pending.delete(checkpointId);
    checkpoint.status = status;
    for (const task of Object.values(checkpoint.tasks)) task.status = status;
    return checkpoint;
  }
}
