// Flink's CheckpointCoordinator, as the JobMaster's plain-data helper: the JobMaster's
// timers and messages drive it (a periodic trigger, each subtask's acknowledgement or
// decline, a checkpoint's timeout), and it answers what to do: which checkpoint to trigger,
// when one completed (after storing it), when the job must fail. It keeps the retained
// completed checkpoints (Flink's CompletedCheckpointStore) and the one to restore from, and
// feeds its CheckpointStatsTracker the figures of each checkpoint.
import { join } from 'node:path';
import type { JobGraph } from '../graph/job-graph.ts';
import type { CheckpointingSettings } from './checkpoint-config.ts';
import type { SubtaskCheckpointReport } from './checkpoint-metrics.ts';
import { CheckpointStatsTracker, type CheckpointingStatistics } from './checkpoint-stats-tracker.ts';
import type { CheckpointStorage } from './checkpoint-storage.ts';
import type { CompletedCheckpoint } from './completed-checkpoint.ts';
import { PendingCheckpoint } from './pending-checkpoint.ts';
import type { TaskStateSnapshot } from './task-state-snapshot.ts';

export type TriggerResult =
  | { type: 'triggered'; checkpointId: number; timestamp: number }
  | { type: 'skipped'; reason: string };

export type AcknowledgeResult =
  | { type: 'pending' }
  | { type: 'completed'; checkpoint: CompletedCheckpoint; subsumed: number[] }
  /** Not a checkpoint we wait for (aborted, completed, or a subtask's second acknowledgement). */
  | { type: 'ignored' };

/** Why a pending checkpoint ends without completing; the first two count as checkpoint failures. */
export type CheckpointAbortReason = 'expired' | 'declined' | 'job failover';

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
    const subsumed = [...this.pending.keys()].filter((id) => id < checkpointId);
    for (const id of subsumed) {
      this.pending.delete(id);
      this.statsTracker.reportFailedCheckpoint(id, now, `subsumed by checkpoint ${checkpointId}`);
    }
    return { type: 'completed', checkpoint, subsumed };
  }

  /**
   * Ends a pending checkpoint; an expired or declined one counts against the tolerable
   * failures. `cause` (a decline's reason) goes into the figures and the job's failure.
   */
  abortPendingCheckpoint(checkpointId: number, reason: CheckpointAbortReason, now = Date.now(), cause?: string): AbortResult {
    if (!this.pending.delete(checkpointId)) return { type: 'ignored' };
    const failure = cause ? `${reason}: ${cause}` : reason;
    this.statsTracker.reportFailedCheckpoint(checkpointId, now, `checkpoint ${checkpointId} ${failure}`);
    if (reason === 'job failover') return { type: 'aborted' };
    this.continuousFailures++;
    const tolerable = this.settings.tolerableCheckpointFailureNumber;
    if (this.continuousFailures > tolerable) {
      return { type: 'failJob', reason: `Exceeded checkpoint tolerable failure threshold: checkpoint ${checkpointId} ${failure} (${this.continuousFailures} failures in a row, ${tolerable} tolerated)` };
    }
    return { type: 'aborted' };
  }

  /** Before a restart: every pending checkpoint is aborted; returns their ids. */
  abortPendingCheckpoints(): number[] {
    const ids = [...this.pending.keys()];
    for (const id of ids) this.abortPendingCheckpoint(id, 'job failover');
    return ids;
  }

  /** The latest completed checkpoint, read back from the storage; undefined when none completed yet. */
  async latestCheckpointToRestore(): Promise<CompletedCheckpoint | undefined> {
    const latest = this.completed.at(-1);
    if (!latest) return undefined;
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
