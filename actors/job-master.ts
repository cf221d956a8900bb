// JobMaster: one per job. Gets slots from the ResourceManager, deploys one subtask of each
// task into each slot (slot sharing), starts them once all are ready, and drives the job's
// status CREATED → RUNNING → FINISHED / CANCELED / FAILED. Recovery comes later: today any
// subtask failure or lost TaskManager fails the job, with the reason.
import type { Actor, ActorContext, ActorRef } from '../lib/actor/index.ts';
import { Addresses, type TaskManagerId } from '../lib/ids/addresses.ts';
import { JobArtifactStore } from '../lib/job/job-artifact-store.ts';
import { terminalStatuses, type JobStatus, type JobSubmission, type JobSummary } from '../lib/job/job-submission.ts';
import { encodeControl } from '../lib/codec/control-codec.ts';
import type { DispatcherMessage } from './dispatcher.ts';
import type { Reply, SlotAssignment, SubtaskId } from './protocols.ts';
import type { ResourceManagerMessage } from './resource-manager.ts';
import type { SubtaskMessage } from './subtask.ts';

export type JobMasterMessage =
  | { type: 'SlotsAllocated'; slots: SlotAssignment[] }
  | { type: 'SlotRequestFailed'; reason: string }
  | { type: 'SubtaskReady'; subtask: SubtaskId }
  | { type: 'SubtaskFinished'; subtask: SubtaskId }
  | { type: 'SubtaskCanceled'; subtask: SubtaskId }
  | { type: 'SubtaskFailed'; reason: string }
  | { type: 'TaskManagerLost'; tmId: TaskManagerId; reason: string }
  | { type: 'Cancel'; replyTo: ActorRef<Reply> }
  | { type: 'CancelTimedOut' }
  | { type: 'DeploymentTimedOut' };

export interface JobMasterDependencies {
  addresses: Addresses;
  resourceManager: ActorRef<ResourceManagerMessage>;
  dispatcher: ActorRef<DispatcherMessage>;
  artifacts: JobArtifactStore;
  deploymentTimeoutMs: number;
}

const cancelTimeoutMs = 10_000;

const key = (id: SubtaskId) => `${id.vertexId}/${id.subtaskIndex}`;

export class JobMaster implements Actor<JobMasterMessage> {
  private status: JobStatus = 'CREATED';
  /** Why the job FAILED. */
  private reason?: string;
  private readonly startTime = Date.now();
  private slots: SlotAssignment[] = [];
  private readonly subtasks: SubtaskId[];
  private readonly ready = new Set<string>();
  private readonly done = new Set<string>();
  private timer?: NodeJS.Timeout;

  constructor(private readonly submission: JobSubmission, private readonly deps: JobMasterDependencies) {
    this.subtasks = submission.jobGraph.vertices.flatMap((vertex) =>
      Array.from({ length: vertex.parallelism }, (_, subtaskIndex) => ({ vertexId: vertex.id, subtaskIndex })));
  }

  preStart(ctx: ActorContext<JobMasterMessage>): void {
    this.publish(ctx);
    const count = Math.max(...this.submission.jobGraph.vertices.map((v) => v.parallelism));
    ctx.tell(this.deps.resourceManager, { type: 'RequestSlots', jobId: this.submission.jobId, count, jobMaster: ctx.self });
  }

  postStop(): void {
    clearTimeout(this.timer);
  }

  receive(message: JobMasterMessage, ctx: ActorContext<JobMasterMessage>): void {
    if (terminalStatuses.has(this.status)) {
      if (message.type === 'Cancel') ctx.tell(message.replyTo, { ok: false, error: `job ${this.submission.jobId} is already ${this.status}` });
      return;
    }
    switch (message.type) {
      case 'SlotsAllocated':
        this.deploy(message.slots, ctx);
        return;
      case 'SlotRequestFailed':
        this.fail(message.reason, ctx);
        return;
      case 'SubtaskReady':
        this.ready.add(key(message.subtask));
        if (this.ready.size === this.subtasks.length && this.status === 'CREATED') this.start(ctx);
        return;
      case 'SubtaskFinished':
      case 'SubtaskCanceled':
        this.done.add(key(message.subtask));
        if (this.done.size === this.subtasks.length) {
          this.finish(this.status === 'CANCELLING' ? 'CANCELED' : 'FINISHED', ctx);
        }
        return;
      case 'SubtaskFailed':
        this.fail(message.reason, ctx);
        return;
      case 'TaskManagerLost':
        if (this.slots.some((slot) => slot.tmId === message.tmId)) this.fail(message.reason, ctx);
        return;
      case 'Cancel':
        ctx.tell(message.replyTo, { ok: true });
        // Before Start no subtask has processed anything: freeing the slots stops their workers.
        if (this.status === 'CREATED') {
          this.finish('CANCELED', ctx);
          return;
        }
        this.setStatus('CANCELLING', ctx);
        this.tellSubtasks({ type: 'Cancel' }, ctx);
        clearTimeout(this.timer);
        this.timer = setTimeout(() => ctx.tell(ctx.self, { type: 'CancelTimedOut' }), cancelTimeoutMs);
        return;
      case 'CancelTimedOut':
        this.finish('CANCELED', ctx);
        return;
      case 'DeploymentTimedOut':
        if (this.status === 'CREATED') {
          this.fail(`deployment timed out: ${this.ready.size} of ${this.subtasks.length} subtasks became ready within ${this.deps.deploymentTimeoutMs} ms`, ctx);
        }
        return;
    }
  }

  /** Slot k runs subtask k of every task whose parallelism exceeds k. */
  private deploy(slots: SlotAssignment[], ctx: ActorContext<JobMasterMessage>): void {
    this.slots = slots;
    for (const [index, assignment] of slots.entries()) {
      const subtasks = this.subtasks.filter((id) => id.subtaskIndex === index);
      ctx.tell(assignment.slot, {
        type: 'Deploy',
        deployment: { submission: this.submission, jobMaster: ctx.self, subtasks, attemptNumber: 0 },
      });
    }
    this.timer = setTimeout(() => ctx.tell(ctx.self, { type: 'DeploymentTimedOut' }), this.deps.deploymentTimeoutMs);
  }

  private start(ctx: ActorContext<JobMasterMessage>): void {
    clearTimeout(this.timer);
    this.tellSubtasks({ type: 'Start' }, ctx);
    this.setStatus('RUNNING', ctx);
  }

  private tellSubtasks(message: SubtaskMessage, ctx: ActorContext<JobMasterMessage>): void {
    for (const id of this.subtasks) {
      ctx.tell<SubtaskMessage>({ address: this.deps.addresses.subtask(this.submission.jobId, id.vertexId, id.subtaskIndex) }, message);
    }
  }

  private fail(reason: string, ctx: ActorContext<JobMasterMessage>): void {
    ctx.log.warn('job failed', { jobId: this.submission.jobId, reason });
    this.tellSubtasks({ type: 'Cancel' }, ctx);
    this.finish('FAILED', ctx, reason);
  }

  private finish(status: JobStatus, ctx: ActorContext<JobMasterMessage>, reason?: string): void {
    clearTimeout(this.timer);
    this.setStatus(status, ctx, reason);
    ctx.tell(this.deps.resourceManager, { type: 'ReleaseSlots', jobId: this.submission.jobId });
    void this.deps.artifacts.deleteBundle(this.submission.jobId);
    ctx.stopSelf();
  }

  private setStatus(status: JobStatus, ctx: ActorContext<JobMasterMessage>, reason?: string): void {
    this.status = status;
    this.reason = reason;
    this.publish(ctx);
  }

  private summary(): JobSummary {
    return {
      jobId: this.submission.jobId,
      jobName: this.submission.jobName,
      status: this.status,
      startTime: this.startTime,
      ...(terminalStatuses.has(this.status) ? { endTime: Date.now() } : {}),
      ...(this.reason ? { reason: this.reason } : {}),
    };
  }

  /** The Dispatcher keeps the record; clients follow the status subject. */
  private publish(ctx: ActorContext<JobMasterMessage>): void {
    const summary = this.summary();
    ctx.tell(this.deps.dispatcher, { type: 'JobStatusChanged', summary });
    ctx.system.nc.publish(this.deps.addresses.jobStatus(this.submission.jobId), encodeControl(summary));
  }
}
