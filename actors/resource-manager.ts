// ResourceManager: knows every TaskExecutor and its slots, hands slots to JobMasters and
// declares a TaskManager lost when its heartbeats stop.
import type { Actor, ActorContext, ActorRef } from '../lib/actor/index.ts';
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
  | { type: 'Heartbeat'; tmId: TaskManagerId; executor: ActorRef<TaskExecutorMessage> }
  | { type: 'RequestSlots'; jobId: JobId; count: number; jobMaster: ActorRef<JobMasterMessage> }
  | { type: 'ReleaseSlots'; jobId: JobId }
  | { type: 'ListTaskManagers'; replyTo: ActorRef<Reply<{ taskManagers: TaskManagerInfo[] }>> }
  | { type: 'CheckLiveness' };

interface RegisteredSlot {
  ref: ActorRef<SlotMessage>;
  jobId?: JobId;
}

interface RegisteredTaskManager {
  tmId: TaskManagerId;
  host: string;
  pid: number;
  slots: RegisteredSlot[];
  lastHeartbeat: number;
}

interface PendingRequest {
  jobId: JobId;
  count: number;
  jobMaster: ActorRef<JobMasterMessage>;
  deadline: number;
}

export class ResourceManager implements Actor<ResourceManagerMessage> {
  private readonly taskManagers = new Map<TaskManagerId, RegisteredTaskManager>();
  private pending: PendingRequest[] = [];
  /** The JobMaster holding each job's slots: it is told when one of them is lost. */
  private readonly slotHolders = new Map<JobId, ActorRef<JobMasterMessage>>();
  private livenessTimer?: NodeJS.Timeout;

  constructor(private readonly options: ClusterOptions) {}

  preStart(ctx: ActorContext<ResourceManagerMessage>): void {
    this.livenessTimer = setInterval(() => ctx.tell(ctx.self, { type: 'CheckLiveness' }), this.options.heartbeatIntervalMs);
  }

  postStop(): void {
    clearInterval(this.livenessTimer);
  }

  receive(message: ResourceManagerMessage, ctx: ActorContext<ResourceManagerMessage>): void {
    switch (message.type) {
      case 'RegisterTaskExecutor': {
        this.taskManagers.set(message.tmId, {
          tmId: message.tmId,
          host: message.host,
          pid: message.pid,
          slots: message.slots.map((ref) => ({ ref })),
          lastHeartbeat: Date.now(),
        });
        ctx.log.info('TaskManager registered', { tmId: message.tmId, slots: message.slots.length });
        ctx.tell(message.executor, { type: 'Registered' });
        this.allocatePending(ctx);
        return;
      }
      case 'Heartbeat': {
        const tm = this.taskManagers.get(message.tmId);
        // A TaskManager we declared lost (or a ResourceManager that restarted) must register again.
        if (tm) tm.lastHeartbeat = Date.now();
        else ctx.tell(message.executor, { type: 'Reregister' });
        return;
      }
      case 'RequestSlots':
        this.pending.push({
          jobId: message.jobId,
          count: message.count,
          jobMaster: message.jobMaster,
          deadline: Date.now() + this.options.slotRequestTimeoutMs,
        });
        this.allocatePending(ctx);
        return;
      case 'ReleaseSlots':
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
      case 'CheckLiveness':
        this.checkLiveness(ctx);
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

  private checkLiveness(ctx: ActorContext<ResourceManagerMessage>): void {
    const now = Date.now();
    for (const tm of [...this.taskManagers.values()]) {
      const silentFor = now - tm.lastHeartbeat;
      if (silentFor <= this.options.heartbeatTimeoutMs) continue;
      this.taskManagers.delete(tm.tmId);
      const reason = `TaskManager ${tm.tmId} (host ${tm.host}, pid ${tm.pid}) lost: no heartbeat for ${silentFor} ms`;
      ctx.log.warn('TaskManager lost', { tmId: tm.tmId, silentForMs: silentFor });
      const jobs = new Set(tm.slots.map((slot) => slot.jobId).filter((jobId): jobId is JobId => jobId !== undefined));
      for (const jobId of jobs) {
        const holder = this.slotHolders.get(jobId);
        if (holder) ctx.tell(holder, { type: 'TaskManagerLost', tmId: tm.tmId, reason });
      }
    }
    const total = [...this.taskManagers.values()].reduce((sum, tm) => sum + tm.slots.length, 0);
    for (const request of this.pending.filter((r) => r.deadline <= now)) {
      const free = this.freeSlots().length;
      ctx.tell(request.jobMaster, {
        type: 'SlotRequestFailed',
        reason: `not enough free slots: the job needs ${request.count}, the cluster has ${free} free of ${total} ` +
          `(${this.taskManagers.size} TaskManager${this.taskManagers.size === 1 ? '' : 's'}) after waiting ${this.options.slotRequestTimeoutMs} ms`,
      });
    }
    this.pending = this.pending.filter((r) => r.deadline > now);
    this.allocatePending(ctx);
  }
}
