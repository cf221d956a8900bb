// Flink's CheckpointCoordinator, as the JobMaster's plain-data helper: the JobMaster's
// timers and messages drive it (a periodic trigger, each subtask's acknowledgement or
// decline, a checkpoint's timeout), and it answers what to do: which checkpoint to trigger,
// when one completed (after storing it), when the job must fail. It keeps the retained
// completed checkpoints (Flink's CompletedCheckpointStore) and the one to restore from, and
// feeds its CheckpointStatsTracker the figures of each checkpoint. Savepoints go through it
// too, on request and whatever the periodic settings: each is stored in a directory of its
// own and never counts among the retained checkpoints.
import { join } from 'node:path';
import type { JobGraph } from '../graph/job-graph.ts';
import type { CheckpointingSettings } from './checkpoint-config.ts';
import type { SubtaskCheckpointReport } from './checkpoint-metrics.ts';
import { CheckpointStatsTracker, type CheckpointingStatistics } from './checkpoint-stats-tracker.ts';
import type { CheckpointStorage } from './checkpoint-storage.ts';
import { isSavepoint, isSynchronous, type CheckpointType } from './checkpoint-type.ts';
import type { CompletedCheckpoint } from './completed-checkpoint.ts';
import { PendingCheckpoint } from './pending-checkpoint.ts';
import { storeSavepoint } from './savepoint-storage.ts';
import type { TaskStateSnapshot } from './task-state-snapshot.ts';

export type TriggerResult =
  | { type: 'triggered'; checkpointId: number; timestamp: number }
  | { type: 'skipped'; reason: string };

export type AcknowledgeResult =
  | { type: 'pending' }
  | { type: 'completed'; checkpoint: CompletedCheckpoint; subsumed: number[] }
  | { type: 'savepointCompleted'; checkpointType: CheckpointType; path: string }
  /** Not a checkpoint we wait for (aborted, completed, or a subtask's second acknowledgement). */
  | { type: 'ignored' };

/**
 * Why a pending checkpoint ends without completing; the first two count as checkpoint
 * failures. `task finished`: a subtask it waits for ended before its barrier reached it.
 */
export type CheckpointAbortReason = 'expired' | 'declined' | 'job failover' | 'task finished';

export type AbortResult =
  | { type: 'ignored' }
  | { type: 'aborted' }
  /** Flink's tolerable-failure check: this failure was one too many, so the job fails. */
  | { type: 'failJob'; reason: string };

export class CheckpointCoordinator {
  private nextCheckpointId = 1;
  private readonly pending = new Map<number, PendingCheckpoint>();
  /** Retained completed checkpoints, oldest first. */
  private readonly completed: CompletedCheckpoint[] = [];
  private lastCompletionTime = Number.NEGATIVE_INFINITY;
  private continuousFailures = 0;
  private readonly statsTracker: CheckpointStatsTracker;
  /** The savepoint the job started from: what a restore uses until a checkpoint completed. */
  private restoredSavepoint?: { savepoint: CompletedCheckpoint; path: string };

  constructor(
    private readonly jobId: string,
    private readonly jobGraph: JobGraph,
    readonly settings: CheckpointingSettings,
    private readonly storage: CheckpointStorage,
  ) {
    const { storage: location } = settings;
    this.statsTracker = new CheckpointStatsTracker(jobGraph, (checkpointId) => location.type === 'filesystem'
      ? join(location.directory, jobId, `chk-${checkpointId}`)
      : '<checkpoint-not-externally-addressable>');
  }

  /** The figures of the recent checkpoints, shaped as Flink's REST `/jobs/:jobid/checkpoints`. */
  checkpointStatistics(): CheckpointingStatistics {
    return this.statsTracker.createSnapshot();
  }

  get numberOfPendingCheckpoints(): number {
    return this.pending.size;
  }

  get retainedCheckpointIds(): number[] {
    return this.completed.map((checkpoint) => checkpoint.checkpointId);
  }

  /** A periodic trigger at `now`: a new checkpoint, or why none starts now. */
  triggerCheckpoint(now: number): TriggerResult {
    const { maxConcurrentCheckpoints, minPauseBetweenCheckpointsMs } = this.settings;
    if (this.pending.size >= maxConcurrentCheckpoints) {
      return { type: 'skipped', reason: `${this.pending.size} checkpoints are pending, the maximum is ${maxConcurrentCheckpoints}` };
    }
    // As in Flink, a minimum pause allows one checkpoint at a time.
    if (minPauseBetweenCheckpointsMs > 0 && this.pending.size > 0) return { type: 'skipped', reason: 'a checkpoint is pending and a minimum pause is set' };
    const pause = now - this.lastCompletionTime;
    if (pause < minPauseBetweenCheckpointsMs) {
      return { type: 'skipped', reason: `${pause} ms since the last checkpoint completed, the minimum pause is ${minPauseBetweenCheckpointsMs} ms` };
    }
    const checkpointId = this.nextCheckpointId++;
    this.pending.set(checkpointId, new PendingCheckpoint(this.jobId, checkpointId, now, this.jobGraph));
    this.statsTracker.reportPendingCheckpoint(checkpointId, now);
    return { type: 'triggered', checkpointId, timestamp: now };
  }

  /** A savepoint into `targetDirectory` now: unlike a periodic trigger, it ignores the concurrency limit and the minimum pause, as in Flink. */
  triggerSavepoint(now: number, checkpointType: Exclude<CheckpointType, 'CHECKPOINT'>, targetDirectory: string): { checkpointId: number; timestamp: number } {
    const checkpointId = this.nextCheckpointId++;
    this.pending.set(checkpointId, new PendingCheckpoint(this.jobId, checkpointId, now, this.jobGraph, checkpointType, targetDirectory));
    this.statsTracker.reportPendingCheckpoint(checkpointId, now, isSynchronous(checkpointType) ? 'SYNC_SAVEPOINT' : 'SAVEPOINT');
    return { checkpointId, timestamp: now };
  }

  /** The checkpoint type of a pending checkpoint; undefined when it is not pending. */
  pendingCheckpointType(checkpointId: number): CheckpointType | undefined {
    return this.pending.get(checkpointId)?.checkpointType;
  }

  /** The job starts from this savepoint: checkpoint ids go on after its id, and a failover before the first checkpoint restores it again. */
  restoreSavepoint(savepoint: CompletedCheckpoint, path: string): void {
    this.restoredSavepoint = { savepoint, path };
    this.nextCheckpointId = Math.max(this.nextCheckpointId, savepoint.checkpointId + 1);
    this.statsTracker.reportRestoredCheckpoint(savepoint.checkpointId, Date.now(), path);
  }

  /**
   * A subtask acknowledged with its state. The last acknowledgement stores the checkpoint
   * (it is complete only once stored), retires the oldest beyond the number retained, and
   * subsumes the pending checkpoints older than it. `report` carries the subtask's figures.
   */
  async receiveAcknowledge(checkpointId: number, vertexId: string, subtaskIndex: number, state: TaskStateSnapshot, now: number, report?: SubtaskCheckpointReport): Promise<AcknowledgeResult> {
    const pending = this.pending.get(checkpointId);
    if (!pending || !pending.acknowledgeTask(vertexId, subtaskIndex, state)) return { type: 'ignored' };
    if (report) this.statsTracker.reportSubtaskStats(checkpointId, vertexId, subtaskIndex, now, report);
    if (!pending.isFullyAcknowledged) return { type: 'pending' };
    this.pending.delete(checkpointId);
    const checkpoint = pending.finalizeCheckpoint(now);
    if (isSavepoint(pending.checkpointType)) {
      let path;
      try {
        path = await storeSavepoint(pending.targetDirectory!, checkpoint);
      } catch (error) {
        this.statsTracker.reportFailedCheckpoint(checkpointId, now, `the savepoint could not be stored: ${(error as Error).message}`);
        throw error;
      }
      this.statsTracker.reportCompletedCheckpoint(checkpointId, now, path);
      return { type: 'savepointCompleted', checkpointType: pending.checkpointType, path };
    }
    try {
      await this.storage.store(checkpoint);
    } catch (error) {
      this.statsTracker.reportFailedCheckpoint(checkpointId, now, `the checkpoint could not be stored: ${(error as Error).message}`);
      throw error;
    }
    this.completed.push(checkpoint);
    this.statsTracker.reportCompletedCheckpoint(checkpointId, now);
    while (this.completed.length > this.settings.numRetainedCheckpoints) await this.discard(this.completed.shift()!.checkpointId);
    this.lastCompletionTime = now;
    this.continuousFailures = 0;
    // A pending savepoint is not subsumed: it was asked for.
    const subsumed = [...this.pending.values()].filter((older) => older.checkpointId < checkpointId && !isSavepoint(older.checkpointType)).map((older) => older.checkpointId);
    for (const id of subsumed) {
      this.pending.delete(id);
      this.statsTracker.reportFailedCheckpoint(id, now, `subsumed by checkpoint ${checkpointId}`);
    }
    return { type: 'completed', checkpoint, subsumed };
  }

  /**
   * Ends a pending checkpoint; an expired or declined one (not a savepoint, as in Flink)
   * counts against the tolerable failures. `cause` (a decline's reason) goes into the
   * figures and the job's failure.
   */
  abortPendingCheckpoint(checkpointId: number, reason: CheckpointAbortReason, now = Date.now(), cause?: string): AbortResult {
    const pending = this.pending.get(checkpointId);
    if (!pending) return { type: 'ignored' };
    this.pending.delete(checkpointId);
    const failure = cause ? `${reason}: ${cause}` : reason;
    this.statsTracker.reportFailedCheckpoint(checkpointId, now, `checkpoint ${checkpointId} ${failure}`);
    if (reason === 'job failover' || reason === 'task finished' || isSavepoint(pending.checkpointType)) return { type: 'aborted' };
    this.continuousFailures++;
    const tolerable = this.settings.tolerableCheckpointFailureNumber;
    if (this.continuousFailures > tolerable) {
      return { type: 'failJob', reason: `Exceeded checkpoint tolerable failure threshold: checkpoint ${checkpointId} ${failure} (${this.continuousFailures} failures in a row, ${tolerable} tolerated)` };
    }
    return { type: 'aborted' };
  }

  /** The pending checkpoints still waiting for a subtask's acknowledgement. */
  checkpointsWaitingFor(vertexId: string, subtaskIndex: number): number[] {
    return [...this.pending.values()].filter((pending) => pending.isWaitingFor(vertexId, subtaskIndex)).map((pending) => pending.checkpointId);
  }

  /** Before a restart: every pending checkpoint is aborted; returns their ids. */
  abortPendingCheckpoints(): number[] {
    const ids = [...this.pending.keys()];
    for (const id of ids) this.abortPendingCheckpoint(id, 'job failover');
    return ids;
  }

  /** The latest completed checkpoint, read back from the storage; else the savepoint the job started from; undefined when neither. */
  async latestCheckpointToRestore(): Promise<CompletedCheckpoint | undefined> {
    const latest = this.completed.at(-1);
    if (!latest) {
      if (!this.restoredSavepoint) return undefined;
      const { savepoint, path } = this.restoredSavepoint;
      this.statsTracker.reportRestoredCheckpoint(savepoint.checkpointId, Date.now(), path);
      return savepoint;
    }
    const checkpoint = await this.storage.load(latest.checkpointId);
    this.statsTracker.reportRestoredCheckpoint(latest.checkpointId, Date.now());
    return checkpoint;
  }

  /** When the job ends: a finished job's checkpoints go; a cancelled one's go unless retained; a failed one's stay. */
  async shutdown(jobStatus: 'FINISHED' | 'CANCELED' | 'FAILED'): Promise<void> {
    this.pending.clear();
    const discard = jobStatus === 'FINISHED' || (jobStatus === 'CANCELED' && this.settings.externalizedCheckpointCleanup === 'DELETE_ON_CANCELLATION');
    if (!discard) return;
    for (const checkpoint of this.completed.splice(0)) await this.discard(checkpoint.checkpointId);
  }

  private async discard(checkpointId: number): Promise<void> {
    await this.storage.discard(checkpointId);
    this.statsTracker.reportDiscardedCheckpoint(checkpointId);
  }
}
