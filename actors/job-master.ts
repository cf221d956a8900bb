// JobMaster: one per job. Gets slots from the ResourceManager, deploys one subtask of each
// task into each slot (slot sharing), starts them once all are ready, and drives the job's
// status CREATED → RUNNING → FINISHED / CANCELED / FAILED. Each subtask's current execution
// attempt lives in the ExecutionGraph; a report from an attempt that is no longer current
// is ignored. A failure goes to the job's FailoverStrategy, whose answer is carried out:
// today that is to fail the job with the reason (restarts come with checkpoints).
import type { Actor, ActorContext, ActorRef } from '../lib/actor/index.ts';
import { Addresses, type TaskManagerId } from '../lib/ids/addresses.ts';
import { ExecutionGraph, type ExecutionVertex } from '../lib/graph/execution-graph.ts';
import { isTerminal, type TaskExecutionState } from '../lib/graph/execution-state.ts';
import { noRestartFailoverStrategy, type FailoverStrategy, type FailureHandlingResult } from '../lib/graph/failover-strategy.ts';
import type { FailureCause } from '../lib/graph/failure-cause.ts';
import { JobArtifactStore } from '../lib/job/job-artifact-store.ts';
import { terminalStatuses, type JobStatus, type JobSubmission, type JobSummary } from '../lib/job/job-submission.ts';
import { encodeControl } from '../lib/codec/control-codec.ts';
import type { DispatcherMessage } from './dispatcher.ts';
import type { Reply, SlotAssignment } from './protocols.ts';
import type { ResourceManagerMessage } from './resource-manager.ts';
import type { SubtaskMessage } from './subtask.ts';

export type JobMasterMessage =
  | { type: 'SlotsAllocated'; slots: SlotAssignment[] }
  | { type: 'SlotRequestFailed'; reason: string }
  /** From a Subtask through its slot worker, or from a slot that cannot run its executions (Flink's updateTaskExecutionState). */
  | { type: 'UpdateTaskExecutionState'; update: TaskExecutionState }
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

export class JobMaster implements Actor<JobMasterMessage> {
  private status: JobStatus = 'CREATED';
  /** Why the job FAILED. */
  private reason?: string;
  private readonly startTime = Date.now();
  private readonly graph: ExecutionGraph;
  /** The job's answer to failures; the state issue makes it configurable (full or region failover, restart strategies). */
  private readonly failoverStrategy: FailoverStrategy = noRestartFailoverStrategy;
  private timer?: NodeJS.Timeout;

  constructor(private readonly submission: JobSubmission, private readonly deps: JobMasterDependencies) {
    this.graph = new ExecutionGraph(submission.jobGraph);
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
        this.carryOut(this.failoverStrategy.onGlobalFailure({ name: 'NoResourceAvailable', message: message.reason }, this.graph), ctx);
        return;
      case 'UpdateTaskExecutionState':
        this.updateTaskExecutionState(message.update, ctx);
        return;
      case 'TaskManagerLost':
        this.taskManagerLost(message.tmId, { name: 'TaskManagerLost', message: message.reason }, ctx);
        return;
      case 'Cancel':
        ctx.tell(message.replyTo, { ok: true });
        // Before Start no subtask has processed anything: freeing the slots stops their workers.
        if (this.status === 'CREATED') {
          this.finish('CANCELED', ctx);
          return;
        }
        this.setStatus('CANCELLING', ctx);
        this.cancelExecutions(ctx);
        clearTimeout(this.timer);
        this.timer = setTimeout(() => ctx.tell(ctx.self, { type: 'CancelTimedOut' }), cancelTimeoutMs);
        return;
      case 'CancelTimedOut':
        this.finish('CANCELED', ctx);
        return;
      case 'DeploymentTimedOut':
        if (this.status === 'CREATED') {
          const message = `deployment timed out: ${this.graph.countIn('INITIALIZING')} of ${this.graph.vertices.length} subtasks became ready within ${this.deps.deploymentTimeoutMs} ms`;
          this.carryOut(this.failoverStrategy.onGlobalFailure({ name: 'DeploymentTimeout', message }, this.graph), ctx);
        }
        return;
    }
  }

  private updateTaskExecutionState(update: TaskExecutionState, ctx: ActorContext<JobMasterMessage>): void {
    const vertex = this.graph.updateState(update);
    if (!vertex) {
      ctx.log.debug('ignored a report of an execution that is not current or has stopped', { ...update.execution, state: update.state });
      return;
    }
    const execution = vertex.currentExecution;
    switch (execution.state) {
      case 'INITIALIZING':
        if (this.status === 'CREATED' && this.graph.countIn('INITIALIZING') === this.graph.vertices.length) this.start(ctx);
        return;
      case 'FINISHED':
      case 'CANCELED':
        if (this.graph.isTerminal()) this.finish(this.status === 'CANCELLING' ? 'CANCELED' : 'FINISHED', ctx);
        return;
      case 'FAILED':
        this.taskFailed(vertex, execution.failureCause!, ctx);
        return;
    }
  }

  /** The TaskManager's current executions fail, one after another, while the job goes on. */
  private taskManagerLost(tmId: TaskManagerId, cause: FailureCause, ctx: ActorContext<JobMasterMessage>): void {
    for (const vertex of this.graph.vertices) {
      const execution = vertex.currentExecution;
      if (execution.slot?.tmId !== tmId || !execution.markFailed(cause)) continue;
      if (execution.state === 'FAILED') this.taskFailed(vertex, cause, ctx);
      if (terminalStatuses.has(this.status)) return;
    }
  }

  private taskFailed(vertex: ExecutionVertex, cause: FailureCause, ctx: ActorContext<JobMasterMessage>): void {
    ctx.log.warn('execution failed', { ...vertex.currentExecution.attemptId, cause });
    this.carryOut(this.failoverStrategy.onTaskFailure(vertex, cause, this.graph), ctx);
  }

  private carryOut(result: FailureHandlingResult, ctx: ActorContext<JobMasterMessage>): void {
    switch (result.type) {
      case 'failJob':
        this.fail(result.reason, ctx);
        return;
    }
  }

  /** Slot k runs subtask k of every task whose parallelism exceeds k. */
  private deploy(slots: SlotAssignment[], ctx: ActorContext<JobMasterMessage>): void {
    const attemptNumbers = this.graph.attemptNumbers();
    for (const [index, assignment] of slots.entries()) {
      const executions = this.graph.vertices.filter((vertex) => vertex.id.subtaskIndex === index).map((vertex) => {
        vertex.currentExecution.deploy({ tmId: assignment.tmId, slotIndex: assignment.slotIndex });
        return vertex.currentExecution.attemptId;
      });
      ctx.tell(assignment.slot, { type: 'Deploy', deployment: { submission: this.submission, jobMaster: ctx.self, executions, attemptNumbers } });
    }
    this.timer = setTimeout(() => ctx.tell(ctx.self, { type: 'DeploymentTimedOut' }), this.deps.deploymentTimeoutMs);
  }

  private start(ctx: ActorContext<JobMasterMessage>): void {
    clearTimeout(this.timer);
    for (const vertex of this.graph.vertices) this.tellExecution(vertex, { type: 'Start' }, ctx);
    this.setStatus('RUNNING', ctx);
  }

  /** Every execution that has not stopped is told to cancel; one never deployed is canceled at once. */
  private cancelExecutions(ctx: ActorContext<JobMasterMessage>): void {
    for (const vertex of this.graph.vertices) {
      const execution = vertex.currentExecution;
      if (isTerminal(execution.state)) continue;
      if (execution.state === 'CREATED') {
        execution.transitionState('CANCELED');
      } else {
        execution.transitionState('CANCELING');
        this.tellExecution(vertex, { type: 'Cancel' }, ctx);
      }
    }
  }

  private tellExecution(vertex: ExecutionVertex, message: SubtaskMessage, ctx: ActorContext<JobMasterMessage>): void {
    const { vertexId, subtaskIndex, attemptNumber } = vertex.currentExecution.attemptId;
    ctx.tell<SubtaskMessage>({ address: this.deps.addresses.subtask(this.submission.jobId, vertexId, subtaskIndex, attemptNumber) }, message);
  }

  private fail(reason: string, ctx: ActorContext<JobMasterMessage>): void {
    ctx.log.warn('job failed', { jobId: this.submission.jobId, reason });
    this.cancelExecutions(ctx);
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
