// ResourceManager: knows every TaskExecutor and its slots, hands slots to JobMasters and
// declares a TaskManager lost when its TaskExecutor is (death watch, on the node heartbeat).
import type { Actor, ActorContext, ActorRef, Termination } from '../lib/actor/index.ts';
import type { JobId, TaskManagerId } from '../lib/ids/addresses.ts';
import type { ClusterOptions } from '../lib/settings/cluster-options.ts';
import type { JobMasterMessage } from './job-master.ts';
import type { Reply, SlotAssignment } from './protocols.ts';
import type { SlotMessage } from './slot.ts';
import type { TaskExecutorMessage } from './task-executor.ts';

export interface TaskManagerInfo {
  tmId: TaskManagerId;
  host: string;
  pid: number;
  slots: number;
  freeSlots: number;
}

export type ResourceManagerMessage =
  | {
      type: 'RegisterTaskExecutor';
      tmId: TaskManagerId;
      executor: ActorRef<TaskExecutorMessage>;
      slots: ActorRef<SlotMessage>[];
      host: string;
      pid: number;
    }
  /** Death watch on a registered TaskExecutor: it stopped, or its process went silent. */
  | { type: 'TaskExecutorTerminated'; tmId: TaskManagerId; executor: ActorRef<TaskExecutorMessage>; termination: Termination }
  | { type: 'RequestSlots'; jobId: JobId; count: number; jobMaster: ActorRef<JobMasterMessage> }
  | { type: 'ReleaseSlots'; jobId: JobId }
  | { type: 'ListTaskManagers'; replyTo: ActorRef<Reply<{ taskManagers: TaskManagerInfo[] }>> }
  | { type: 'SlotRequestTimedOut'; requestId: number };

interface RegisteredSlot {
  ref: ActorRef<SlotMessage>;
  jobId?: JobId;
}

interface RegisteredTaskManager {
  tmId: TaskManagerId;
  executor: ActorRef<TaskExecutorMessage>;
  host: string;
  pid: number;
  slots: RegisteredSlot[];
}

interface PendingRequest {
  id: number;
  jobId: JobId;
  count: number;
  jobMaster: ActorRef<JobMasterMessage>;
  timeout: NodeJS.Timeout;
}

export class ResourceManager implements Actor<ResourceManagerMessage> {
  private readonly taskManagers = new Map<TaskManagerId, RegisteredTaskManager>();
  private pending: PendingRequest[] = [];
  /** The JobMaster holding each job's slots: it is told when one of them is lost. */
  private readonly slotHolders = new Map<JobId, ActorRef<JobMasterMessage>>();
  private requestIds = 0;

  constructor(private readonly options: ClusterOptions) {}

  /** A ResourceManager that stops or restarts forgets its TaskExecutors: they must register again. */
  postStop(ctx: ActorContext<ResourceManagerMessage>): void {
    for (const request of this.pending) clearTimeout(request.timeout);
    for (const tm of this.taskManagers.values()) ctx.tell(tm.executor, { type: 'Reregister' });
  }

  receive(message: ResourceManagerMessage, ctx: ActorContext<ResourceManagerMessage>): void {
    switch (message.type) {
      case 'RegisterTaskExecutor': {
        const { tmId, executor } = message;
        this.taskManagers.set(tmId, { tmId, executor, host: message.host, pid: message.pid, slots: message.slots.map((ref) => ({ ref })) });
        // Liveness is death watch on the TaskExecutor: the kernel's node heartbeat notices a lost process.
        ctx.watchWith(executor, (termination) => ({ type: 'TaskExecutorTerminated', tmId, executor, termination }));
        ctx.log.info('TaskManager registered', { tmId, slots: message.slots.length });
        ctx.tell(executor, { type: 'Registered' });
        this.allocatePending(ctx);
        return;
      }
      case 'TaskExecutorTerminated':
        this.taskManagerLost(message.tmId, message.termination, ctx);
        // Silence may also be a long pause: a TaskExecutor still there learns it must register again.
        if (message.termination.kind === 'node-lost') ctx.tell(message.executor, { type: 'Reregister' });
        return;
      case 'RequestSlots': {
        const id = ++this.requestIds;
        this.pending.push({
          id,
          jobId: message.jobId,
          count: message.count,
          jobMaster: message.jobMaster,
          timeout: setTimeout(() => ctx.tell(ctx.self, { type: 'SlotRequestTimedOut', requestId: id }), this.options.slotRequestTimeoutMs),
        });
        this.allocatePending(ctx);
        return;
      }
      case 'ReleaseSlots':
        for (const request of this.pending.filter((r) => r.jobId === message.jobId)) clearTimeout(request.timeout);
        this.pending = this.pending.filter((request) => request.jobId !== message.jobId);
        this.slotHolders.delete(message.jobId);
        for (const tm of this.taskManagers.values()) {
          for (const slot of tm.slots) {
            if (slot.jobId !== message.jobId) continue;
            slot.jobId = undefined;
            ctx.tell(slot.ref, { type: 'Free', jobId: message.jobId });
          }
        }
        this.allocatePending(ctx);
        return;
      case 'ListTaskManagers':
        ctx.tell(message.replyTo, {
          ok: true,
          taskManagers: [...this.taskManagers.values()].map((tm) => ({
            tmId: tm.tmId,
            host: tm.host,
            pid: tm.pid,
            slots: tm.slots.length,
            freeSlots: tm.slots.filter((slot) => !slot.jobId).length,
          })),
        });
        return;
      case 'SlotRequestTimedOut':
        this.failPendingRequest(message.requestId, ctx);
        return;
    }
  }

  private freeSlots(): { tm: RegisteredTaskManager; index: number; slot: RegisteredSlot }[] {
    const free = [];
    for (const tm of this.taskManagers.values()) {
      for (const [index, slot] of tm.slots.entries()) if (!slot.jobId) free.push({ tm, index, slot });
    }
    return free;
  }

  /** First come, first served: a request that does not fit waits, and blocks the ones behind it. */
  private allocatePending(ctx: ActorContext<ResourceManagerMessage>): void {
    while (this.pending.length > 0) {
      const request = this.pending[0]!;
      const free = this.freeSlots();
      if (free.length < request.count) return;
      this.pending.shift();
      clearTimeout(request.timeout);
      this.slotHolders.set(request.jobId, request.jobMaster);
      // Spread a job over the TaskManagers, as Flink's cluster.evenly-spread-out-slots does.
      free.sort((a, b) => a.index - b.index);
      const assignments: SlotAssignment[] = free.slice(0, request.count).map(({ tm, index, slot }) => {
        slot.jobId = request.jobId;
        return { tmId: tm.tmId, slotIndex: index, slot: slot.ref };
      });
      ctx.tell(request.jobMaster, { type: 'SlotsAllocated', slots: assignments });
    }
  }

  private taskManagerLost(tmId: TaskManagerId, termination: Termination, ctx: ActorContext<ResourceManagerMessage>): void {
    const tm = this.taskManagers.get(tmId);
    if (!tm) return;
    this.taskManagers.delete(tmId);
    const reason = `TaskManager ${tmId} (host ${tm.host}, pid ${tm.pid}) lost: ${describeTermination(termination)}`;
    ctx.log.warn('TaskManager lost', { tmId, termination });
    const jobs = new Set(tm.slots.map((slot) => slot.jobId).filter((jobId): jobId is JobId => jobId !== undefined));
    for (const jobId of jobs) {
      const holder = this.slotHolders.get(jobId);
      if (holder) ctx.tell(holder, { type: 'TaskManagerLost', tmId, reason });
    }
  }

  private failPendingRequest(requestId: number, ctx: ActorContext<ResourceManagerMessage>): void {
    const request = this.pending.find((r) => r.id === requestId);
    if (!request) return; // allocated or released meanwhile
    this.pending = this.pending.filter((r) => r !== request);
    const total = [...this.taskManagers.values()].reduce((sum, tm) => sum + tm.slots.length, 0);
    ctx.tell(request.jobMaster, {
      type: 'SlotRequestFailed',
      reason: `not enough free slots: the job needs ${request.count}, the cluster has ${this.freeSlots().length} free of ${total} ` +
        `(${this.taskManagers.size} TaskManager${this.taskManagers.size === 1 ? '' : 's'}) after waiting ${this.options.slotRequestTimeoutMs} ms`,
    });
    this.allocatePending(ctx);
  }
}

function describeTermination(termination: Termination): string {
  switch (termination.kind) {
    case 'node-lost': return `no heartbeat for ${termination.silentForMs} ms`;
    case 'stopped': return 'its TaskExecutor stopped';
    case 'not-found': return 'its TaskExecutor is gone';
  }
}
