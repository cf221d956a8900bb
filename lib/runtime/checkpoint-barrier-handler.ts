// Flink's aligned CheckpointBarrierHandler (exactly-once): when barrier n arrives on a
// channel, that channel is blocked until barrier n has arrived on every channel still
// open; then the checkpoint is taken and every channel is unblocked. A newer barrier
// aborts an unfinished alignment; a cancel-checkpoint marker aborts it too. A channel
// that ends no longer counts. In at-least-once mode (Flink's CheckpointBarrierTracker) no
// channel is blocked: the checkpoint is taken once the barrier came on every channel, and
// records that came after it on some channels are in the snapshot and will be replayed too.
// It times each alignment (first barrier to last) for the checkpoint's figures.
// A savepoint aligns in either mode, as in Flink: it must be exact to be restored elsewhere.
import type { CheckpointingMode } from '../checkpoint/checkpointing-mode.ts';
import { isSavepoint, type CheckpointType } from '../checkpoint/checkpoint-type.ts';

export interface CheckpointBarrier {
  checkpointId: number;
  /** When the checkpoint was triggered, ms since the epoch. */
  timestamp: number;
  /** Absent for a periodic checkpoint. */
  checkpointType?: CheckpointType;
}

/** How checkpoint n's barriers reached this task, for its CheckpointMetrics. */
export interface BarrierAlignment {
  /** From the trigger (the barrier's timestamp) to the first barrier here. */
  checkpointStartDelayMs: number;
  /** From the first barrier to the last. */
  alignmentDurationMs: number;
}

export interface BarrierHandlerHooks {
  block(channel: number): void;
  unblock(channel: number): void;
  /** Barrier n came on every open channel: snapshot and forward it. */
  triggerCheckpoint(barrier: CheckpointBarrier, alignment: BarrierAlignment): void;
  /** Checkpoint n will not complete here: tell downstream. */
  abortCheckpoint(checkpointId: number): void;
}

export class CheckpointBarrierHandler {
  /** The newest checkpoint seen (aligning, taken or aborted). */
  private currentCheckpointId = 0;
  /** Channels whose barrier for the current checkpoint arrived, while aligning. */
  private aligned?: Set<number>;
  private pendingBarrier?: CheckpointBarrier;
  /** When the current alignment's first barrier came (performance.now()), and how long after its trigger. */
  private alignmentStart = 0;
  private startDelayMs = 0;
  private readonly ended = new Set<number>();

  constructor(
    private readonly channelCount: number,
    private readonly hooks: BarrierHandlerHooks,
    private readonly mode: CheckpointingMode = 'EXACTLY_ONCE',
  ) {}

  processBarrier(barrier: CheckpointBarrier, channel: number): void {
    if (barrier.checkpointId > this.currentCheckpointId) {
      if (this.aligned) this.abortAlignment();
      this.currentCheckpointId = barrier.checkpointId;
      this.pendingBarrier = barrier;
      this.aligned = new Set();
      this.alignmentStart = performance.now();
      this.startDelayMs = Date.now() - barrier.timestamp;
    } else if (barrier.checkpointId < this.currentCheckpointId || !this.aligned) {
      return; // a barrier of a checkpoint already taken or aborted
    }
    this.aligned.add(channel);
    if (!this.completeAlignment() && this.blocks(barrier)) this.hooks.block(channel);
  }

  processCancellationBarrier(checkpointId: number): void {
    if (checkpointId > this.currentCheckpointId) {
      if (this.aligned) this.abortAlignment();
      this.currentCheckpointId = checkpointId;
      this.hooks.abortCheckpoint(checkpointId);
    } else if (checkpointId === this.currentCheckpointId && this.aligned) {
      this.abortAlignment();
    }
  }

  processEndOfPartition(channel: number): void {
    this.ended.add(channel);
    if (this.aligned) this.completeAlignment();
  }

  /** True when every open channel delivered the barrier: then the checkpoint is triggered. */
  private completeAlignment(): boolean {
    const aligned = this.aligned!;
    for (let channel = 0; channel < this.channelCount; channel++) {
      if (!aligned.has(channel) && !this.ended.has(channel)) return false;
    }
    const barrier = this.pendingBarrier!;
    this.releaseChannels();
    this.hooks.triggerCheckpoint(barrier, { checkpointStartDelayMs: this.startDelayMs, alignmentDurationMs: performance.now() - this.alignmentStart });
    return true;
  }

  private abortAlignment(): void {
    const checkpointId = this.currentCheckpointId;
    this.releaseChannels();
    this.hooks.abortCheckpoint(checkpointId);
  }

  private blocks(barrier: CheckpointBarrier): boolean {
    return this.mode === 'EXACTLY_ONCE' || (barrier.checkpointType !== undefined && isSavepoint(barrier.checkpointType));
  }

  private releaseChannels(): void {
    if (this.blocks(this.pendingBarrier!)) for (const channel of this.aligned!) this.hooks.unblock(channel);
    this.aligned = undefined;
    this.pendingBarrier = undefined;
  }
}
