// The JobMaster's savepoint requests (Flink's triggerSavepoint and stopWithSavepoint) while
// their savepoints are pending: each requester is answered once, with the savepoint's path
// or with why it failed. At most one stop-with-savepoint is pending at a time.
import type { ActorContext, ActorRef } from '../lib/actor/index.ts';
import { isSynchronous, type CheckpointType } from '../lib/checkpoint/checkpoint-type.ts';
import type { Reply } from './protocols.ts';

export type SavepointReply = Reply<{ path: string }>;

/** `targetDirectory` absent: Flink's state.savepoints.dir. */
export type SavepointRequest =
  | { type: 'TriggerSavepoint'; targetDirectory?: string; replyTo: ActorRef<SavepointReply> }
  /** `drain`: MAX_WATERMARK first, so that every event-time timer fires (Flink's `stop --drain`). */
  | { type: 'StopWithSavepoint'; targetDirectory?: string; drain: boolean; replyTo: ActorRef<SavepointReply> };

export class SavepointRequests {
  private readonly pending = new Map<number, { checkpointType: CheckpointType; replyTo: ActorRef<SavepointReply> }>();

  get isStopping(): boolean {
    return [...this.pending.values()].some(({ checkpointType }) => isSynchronous(checkpointType));
  }

  add(checkpointId: number, checkpointType: CheckpointType, replyTo: ActorRef<SavepointReply>): void {
    this.pending.set(checkpointId, { checkpointType, replyTo });
  }

  complete(checkpointId: number, path: string, ctx: ActorContext<unknown>): void {
    const request = this.pending.get(checkpointId);
    this.pending.delete(checkpointId);
    if (request) ctx.tell(request.replyTo, { ok: true, path });
  }

  /** Answers the request of `checkpointId` with `error`; says whether it was a stop-with-savepoint ('stopping'), a savepoint, or none. */
  fail(checkpointId: number, error: string, ctx: ActorContext<unknown>): 'stopping' | 'savepoint' | undefined {
    const request = this.pending.get(checkpointId);
    if (!request) return undefined;
    this.pending.delete(checkpointId);
    ctx.tell(request.replyTo, { ok: false, error });
    return isSynchronous(request.checkpointType) ? 'stopping' : 'savepoint';
  }

  failAll(error: string, ctx: ActorContext<unknown>): void {
    for (const checkpointId of [...this.pending.keys()]) this.fail(checkpointId, error, ctx);
  }
}
