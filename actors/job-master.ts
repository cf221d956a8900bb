// JobMaster: one per job. Gets slots from the ResourceManager, deploys one subtask of each
// task of a slot sharing group into each of the group's slots, starts them once all are ready, and drives the job's
// status CREATED → RUNNING → FINISHED / CANCELED / FAILED. Each subtask's current execution
// attempt lives in the ExecutionGraph; a report from an attempt that is no longer current
// is ignored. With checkpointing, its CheckpointCoordinator triggers the source tasks
// periodically and completes a checkpoint once every subtask acknowledged it. A failure
// goes to the job's FailoverStrategy, whose answer is carried out: fail the job, or restart
// it (RESTARTING: cancel every execution, give the slots back, wait the restart strategy's
// delay, take slots again and deploy new attempts restored from the latest checkpoint), or
// restart one pipelined region while the others run (RegionRestarts: cancel the region's
// executions, wait the delay, deploy new attempts of it into the slots the job holds).
// Savepoints go through the same coordinator, for any job, on request (savepoint-requests.ts);
// a job submitted with a savepoint to restore loads it before it asks for slots.
import type { Actor, ActorContext, ActorRef } from '../lib/actor/index.ts';
import { CheckpointCoordinator, type AbortResult, type CheckpointAbortReason } from '../lib/checkpoint/checkpoint-coordinator.ts';
import type { CheckpointingStatistics } from '../lib/checkpoint/checkpoint-stats-tracker.ts';
import { CheckpointConfig } from '../lib/checkpoint/checkpoint-config.ts';
import { createCheckpointStorage } from '../lib/checkpoint/checkpoint-storage.ts';
import type { CheckpointType } from '../lib/checkpoint/checkpoint-type.ts';
import { loadSavepoint } from '../lib/checkpoint/savepoint-restore-settings.ts';
import { taskStateToRestore, type CompletedCheckpoint } from '../lib/checkpoint/completed-checkpoint.ts';
import { Addresses, type TaskManagerId } from '../lib/ids/addresses.ts';
import { ExecutionGraph, type ExecutionAttemptId, type ExecutionVertex } from '../lib/graph/execution-graph.ts';
import { isTerminal, type TaskExecutionState } from '../lib/graph/execution-state.ts';
import { createFailoverStrategy, type FailoverStrategy, type FailureHandlingResult } from '../lib/graph/failover-strategy.ts';
import type { FailureCause } from '../lib/graph/failure-cause.ts';
import { RegionRestarts, type RegionRestart } from '../lib/graph/region-restarts.ts';
import { JobArtifactStore } from '../lib/job/job-artifact-store.ts';
import { terminalStatuses, type JobSubmission, type JobSummary } from '../lib/job/job-submission.ts';
import type { JobStatus } from '../lib/api/job-status.ts';
import { encodeControl } from '../lib/codec/control-codec.ts';
import { JobVertexBackPressureTracker, type JobVertexBackPressureInfo } from '../lib/metrics/job-vertex-back-pressure.ts';
import type { TaskIOMetrics } from '../lib/metrics/task-io-metrics.ts';
import { unpackTaskStateSnapshot } from '../lib/state/state-snapshot-codec.ts';
import type { DispatcherMessage } from './dispatcher.ts';
import type { CheckpointResponse } from './checkpoint-responder.ts';
import { SlotSharingLayout } from '../lib/graph/slot-sharing-layout.ts';
import { mergeAccumulatorSnapshots, type AccumulatorSnapshot } from '../lib/functions/accumulator-registry.ts';
import type { Reply, SlotAssignment } from './protocols.ts';
import type { ResourceManagerMessage } from './resource-manager.ts';
import { SavepointRequests, type SavepointRequest } from './savepoint-requests.ts';
import type { SubtaskMessage } from './subtask.ts';

export type { SavepointRequest } from './savepoint-requests.ts';

export type JobMasterMessage =
  | { type: 'SlotsAllocated'; slots: SlotAssignment[] }
  | { type: 'SlotRequestFailed'; reason: string }
  /** From a Subtask through its slot worker, or from a slot that cannot run its executions (Flink's updateTaskExecutionState). */
  | { type: 'UpdateTaskExecutionState'; update: TaskExecutionState }
  | { type: 'TaskManagerLost'; tmId: TaskManagerId; reason: string }
  | { type: 'Cancel'; replyTo: ActorRef<Reply> }
  | { type: 'CancelTimedOut' }
  | { type: 'DeploymentTimedOut' }
  | CheckpointResponse
  /** The periodic checkpoint trigger. */
  | { type: 'TriggerCheckpoint' }
  | { type: 'CheckpointExpired'; checkpointId: number }
  /** The restart strategy's delay has passed: take slots for the new attempts. */
  | { type: 'Restart' }
  /** A region restart's delay has passed: deploy new attempts of the region. */
  | { type: 'RestartRegion'; restartId: number }
  /** A region restart's executions did not stop, or its new attempts did not become ready, in time. */
  | { type: 'RegionRestartTimedOut'; restartId: number }
  /** Through the Dispatcher: the body of Flink's REST `/jobs/:jobid/checkpoints`. */
  | { type: 'GetCheckpointStats'; replyTo: ActorRef<Reply<{ stats: CheckpointingStatistics }>> }
  /** Each slot's tasks' figures, once a second. */
  | { type: 'TaskIOMetrics'; reports: Array<{ execution: ExecutionAttemptId; metrics: TaskIOMetrics }> }
  /** Through the Dispatcher: the body of Flink's REST `/jobs/:jobid/vertices/:vertexid/backpressure`. */
  | { type: 'GetJobVertexBackPressure'; vertexId: string; replyTo: ActorRef<Reply<{ backPressure: JobVertexBackPressureInfo }>> }
  /** This process's NATS connection came back after a disconnect: batches, credits and reports in flight may be lost. */
  | { type: 'ConnectionReestablished'; server: string }
  | SavepointRequest;

export interface JobMasterDependencies {
  addresses: Addresses;
  resourceManager: ActorRef<ResourceManagerMessage>;
  dispatcher: ActorRef<DispatcherMessage>;
  artifacts: JobArtifactStore;
  deploymentTimeoutMs: number;
  /** Flink's state.savepoints.dir: where a savepoint goes when the request names no directory. */
  savepointsDirectory?: string;
}

const cancelTimeoutMs = 10_000;

export class JobMaster implements Actor<JobMasterMessage> {
  private status: JobStatus = 'CREATED';
  /** Why the job FAILED. */
  private reason?: string;
  private readonly startTime = Date.now();
  private readonly graph: ExecutionGraph;
  /** The job's answer to failures: its restart strategy, restarting the failed region or the whole job. */
  private readonly failoverStrategy: FailoverStrategy;
  private readonly regionRestarts: RegionRestarts;
  /** The slots of the current deployment, placed by `slotLayout`. */
  private slots: SlotAssignment[] = [];
  private readonly slotLayout: SlotSharingLayout;
  /** Each subtask's accumulators, as its latest attempt finished with them. */
  private readonly finishedAccumulators = new Map<string, AccumulatorSnapshot>();
  private readonly checkpointCoordinator: CheckpointCoordinator;
  private readonly savepointRequests = new SavepointRequests();
  private readonly backPressure = new JobVertexBackPressureTracker();
  private timer?: NodeJS.Timeout;
  private checkpointScheduler?: NodeJS.Timeout;
  private readonly checkpointTimeouts = new Map<number, NodeJS.Timeout>();
  /** While RESTARTING: the restart strategy's delay, once every execution has stopped. */
  private restartDelayMs?: number;
  /** The checkpoint the next deployment restores. */
  private restoreFrom?: CompletedCheckpoint;
  private stopWatchingConnection?: () => void;

  constructor(private readonly submission: JobSubmission, private readonly deps: JobMasterDependencies) {
    const { jobGraph, jobId } = submission;
    this.graph = new ExecutionGraph(jobGraph);
    this.slotLayout = new SlotSharingLayout(jobGraph.vertices);
    this.failoverStrategy = createFailoverStrategy(jobGraph);
    this.regionRestarts = new RegionRestarts(this.graph);
    // Without checkpointing the coordinator only takes savepoints.
    const checkpointing = jobGraph.checkpointing ?? new CheckpointConfig().getSettings();
    this.checkpointCoordinator = new CheckpointCoordinator(jobId, jobGraph, checkpointing, createCheckpointStorage(checkpointing.storage, jobId));
  }

  async preStart(ctx: ActorContext<JobMasterMessage>): Promise<void> {
    this.stopWatchingConnection = ctx.system.connection.onReconnect((server) => ctx.tell(ctx.self, { type: 'ConnectionReestablished', server }));
    this.publish(ctx);
    const { savepointRestoreSettings } = this.submission;
    if (savepointRestoreSettings) {
      try {
        const { savepoint, skipped } = await loadSavepoint(this.submission.jobGraph, savepointRestoreSettings);
        if (skipped.length > 0) ctx.log.info('savepoint state skipped (--allowNonRestoredState)', { operatorIds: skipped });
        this.checkpointCoordinator.restoreSavepoint(savepoint, savepointRestoreSettings.restorePath);
        this.restoreFrom = savepoint;
      } catch (error) {
        this.fail((error as Error).message, ctx);
        return;
      }
    }
    this.requestSlots(ctx);
  }

  /** As many slots as each slot sharing group's highest parallelism, summed over the groups. */
  private requestSlots(ctx: ActorContext<JobMasterMessage>): void {
    ctx.tell(this.deps.resourceManager, { type: 'RequestSlots', jobId: this.submission.jobId, count: this.slotLayout.slotCount, jobMaster: ctx.self });
  }

  postStop(): void {
    this.stopWatchingConnection?.();
    clearTimeout(this.timer);
    this.stopCheckpointScheduler();
    this.regionRestarts.clear();
  }

  async receive(message: JobMasterMessage, ctx: ActorContext<JobMasterMessage>): Promise<void> {
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
        if (this.status === 'CREATED' || (this.status === 'RESTARTING' && this.graph.isTerminal())) {
          this.finish('CANCELED', ctx);
          return;
        }
        this.setStatus('CANCELLING', ctx);
        this.regionRestarts.clear();
        this.cancelExecutions(this.graph.vertices, ctx);
        clearTimeout(this.timer);
        this.timer = setTimeout(() => ctx.tell(ctx.self, { type: 'CancelTimedOut' }), cancelTimeoutMs);
        return;
      case 'CancelTimedOut':
        if (this.status !== 'RESTARTING') {
          this.finish('CANCELED', ctx);
          return;
        }
        // Executions that did not confirm their cancellation (their TaskManager is gone) are given up.
        for (const vertex of this.graph.vertices) vertex.currentExecution.transitionState('CANCELED');
        this.restartWhenStopped(ctx);
        return;
      case 'Restart':
        await this.restart(ctx);
        return;
      case 'RestartRegion':
        await this.restartRegion(message.restartId, ctx);
        return;
      case 'RegionRestartTimedOut':
        this.regionRestartTimedOut(message.restartId, ctx);
        return;
      case 'TriggerCheckpoint':
        this.triggerCheckpoint(ctx);
        return;
      case 'TriggerSavepoint':
      case 'StopWithSavepoint':
        this.triggerSavepoint(message, ctx);
        return;
      case 'AcknowledgeCheckpoint':
        await this.acknowledgeCheckpoint(message, ctx);
        return;
      case 'DeclineCheckpoint':
        if (this.isCurrent(message.execution)) {
          ctx.log.info('checkpoint declined', { checkpointId: message.checkpointId, ...message.execution, reason: message.reason });
          this.abortCheckpoint(message.checkpointId, 'declined', ctx, message.reason);
        }
        return;
      case 'GetCheckpointStats':
        ctx.tell(message.replyTo, this.checkpointCoordinator
          ? { ok: true, stats: this.checkpointCoordinator.checkpointStatistics() }
          : { ok: false, error: `checkpointing has not been enabled for job ${this.submission.jobId}` });
        return;
      case 'TaskIOMetrics':
        for (const { execution, metrics } of message.reports) {
          if (this.isCurrent(execution) && this.executionVertex(execution)!.currentExecution.state === 'RUNNING') this.backPressure.report(execution, metrics, Date.now());
        }
        return;
      case 'GetJobVertexBackPressure': {
        const { vertices } = this.submission.jobGraph;
        const vertex = vertices.find((v) => v.id === message.vertexId);
        ctx.tell(message.replyTo, vertex
          ? { ok: true, backPressure: this.backPressure.backPressureInfo(vertex, (subtaskIndex) => this.executionVertex({ vertexId: vertex.id, subtaskIndex })!.currentExecution.attemptId.attemptNumber) }
          : { ok: false, error: `job ${this.submission.jobId} has no vertex ${message.vertexId} (its vertices: ${vertices.map((v) => v.id).join(', ')})` });
        return;
      }
      case 'CheckpointExpired':
        this.abortCheckpoint(message.checkpointId, 'expired', ctx);
        return;
      case 'ConnectionReestablished':
        this.connectionReestablished(message.server, ctx);
        return;
      case 'DeploymentTimedOut':
        if (this.status === 'CREATED' || this.status === 'RESTARTING') {
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
    if (update.state === 'FINISHED' && update.accumulators) this.finishedAccumulators.set(`${update.execution.vertexId}/${update.execution.subtaskIndex}`, update.accumulators);
    switch (execution.state) {
      case 'INITIALIZING':
        if ((this.status === 'CREATED' || this.status === 'RESTARTING') && this.graph.countIn('INITIALIZING') === this.graph.vertices.length) this.start(ctx);
        else if (this.status === 'RUNNING') this.startRestartedRegion(vertex, ctx);
        return;
      case 'FINISHED':
      case 'CANCELED':
        // A checkpoint still waiting for a task that ended would wait out its timeout: the task's trigger went nowhere.
        for (const checkpointId of this.checkpointCoordinator.checkpointsWaitingFor(update.execution.vertexId, update.execution.subtaskIndex)) {
          this.abortCheckpoint(checkpointId, 'task finished', ctx);
        }
        if (this.status === 'RESTARTING') this.restartWhenStopped(ctx);
        else if (this.regionRestarts.inProgress) this.restartRegionsWhenStopped(ctx);
        else if (this.graph.isTerminal()) this.finish(this.status === 'CANCELLING' ? 'CANCELED' : 'FINISHED', ctx);
        return;
      case 'FAILED':
        this.taskFailed(vertex, execution.failureCause!, ctx);
        return;
    }
  }

  /**
   * The TaskManager's current executions fail. Its slots hold a subtask of every task with
   * enough parallelism, and a region restarts into the slots the job holds: the loss is a
   * global failure, and the whole job restarts on new slots.
   */
  private taskManagerLost(tmId: TaskManagerId, cause: FailureCause, ctx: ActorContext<JobMasterMessage>): void {
    const failed = this.graph.vertices.filter(({ currentExecution: execution }) =>
      execution.slot?.tmId === tmId && execution.markFailed(cause) && execution.state === 'FAILED');
    if (failed.length > 0) {
      ctx.log.warn('executions failed with their TaskManager', { tmId, executions: failed.map((vertex) => vertex.currentExecution.attemptId), cause });
      this.carryOut(this.failoverStrategy.onGlobalFailure(cause, this.graph), ctx);
    }
    if (this.status === 'RESTARTING') this.restartWhenStopped(ctx);
    else if (this.regionRestarts.inProgress) this.restartRegionsWhenStopped(ctx);
  }

  /**
   * A running or deploying job may have lost channel messages, Start or Cancel messages or
   * its subtasks' reports, and would stall: it restarts from its latest checkpoint. A job
   * already RESTARTING goes on (its cancel and deployment timeouts cover lost messages).
   */
  private connectionReestablished(server: string, ctx: ActorContext<JobMasterMessage>): void {
    if (this.status !== 'RUNNING' && this.status !== 'CREATED') return;
    const cause = { name: 'ConnectionLost', message: `job ${this.submission.jobId}: the JobManager's NATS connection to ${server} was interrupted, so messages of the job in flight may be lost` };
    ctx.log.warn('job fails over after a NATS reconnect', { jobId: this.submission.jobId, server });
    this.carryOut(this.failoverStrategy.onGlobalFailure(cause, this.graph), ctx);
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
      case 'restartAll':
        this.setStatus('RESTARTING', ctx);
        clearTimeout(this.timer);
        this.stopCheckpointScheduler();
        this.regionRestarts.clear();
        this.abortPendingCheckpoints(ctx);
        this.cancelExecutions(this.graph.vertices, ctx);
        this.restartDelayMs = result.delayMs;
        this.timer = setTimeout(() => ctx.tell(ctx.self, { type: 'CancelTimedOut' }), cancelTimeoutMs);
        this.restartWhenStopped(ctx);
        return;
      case 'restartRegion': {
        // Before the job runs, its first deployment starts every task together: a full restart.
        if (this.status !== 'RUNNING') {
          this.carryOut({ type: 'restartAll', delayMs: result.delayMs }, ctx);
          return;
        }
        const aborted = this.abortPendingCheckpoints(ctx);
        const restart = this.regionRestarts.begin(result.region, result.delayMs);
        ctx.log.info('restarting a pipelined region', { jobId: this.submission.jobId, vertices: result.region.vertexIds });
        this.cancelExecutions(restart.vertices, ctx);
        // The regions that keep running hear of it, as of a declined checkpoint.
        const running = this.graph.vertices.filter((vertex) => !restart.vertices.includes(vertex));
        for (const checkpointId of aborted) for (const vertex of running) this.tellExecution(vertex, { type: 'NotifyCheckpointAborted', checkpointId }, ctx);
        this.armRegionTimer(restart, cancelTimeoutMs, { type: 'RegionRestartTimedOut', restartId: restart.id }, ctx);
        this.restartRegionsWhenStopped(ctx);
        return;
      }
    }
  }

  /** Returns the ids of the aborted checkpoints. */
  private abortPendingCheckpoints(ctx: ActorContext<JobMasterMessage>): number[] {
    const aborted = this.checkpointCoordinator.abortPendingCheckpoints();
    for (const checkpointId of aborted) this.abortedByFailover(checkpointId, ctx);
    return aborted;
  }

  /** Each region restart whose executions have all stopped waits the restart strategy's delay. */
  private restartRegionsWhenStopped(ctx: ActorContext<JobMasterMessage>): void {
    for (const restart of this.regionRestarts.takeStopped()) this.armRegionTimer(restart, restart.delayMs, { type: 'RestartRegion', restartId: restart.id }, ctx);
  }

  /** New attempts of the region's subtasks, restored from the latest completed checkpoint, into the slots the job holds. */
  private async restartRegion(restartId: number, ctx: ActorContext<JobMasterMessage>): Promise<void> {
    const restart = this.regionRestarts.find(restartId, 'waiting');
    if (!restart) return;
    let restoreFrom: CompletedCheckpoint | undefined;
    try {
      restoreFrom = await this.checkpointCoordinator.latestCheckpointToRestore();
    } catch (error) {
      this.fail(`cannot restore job ${this.submission.jobId}: ${(error as Error).message}`, ctx);
      return;
    }
    if (this.regionRestarts.find(restartId, 'waiting') !== restart) return;
    this.regionRestarts.deploy(restart);
    ctx.log.info('deploying a restarted pipelined region', { jobId: this.submission.jobId, vertices: restart.region.vertexIds, fromCheckpoint: restoreFrom?.checkpointId ?? null });
    this.deployExecutions(restart.vertices, restoreFrom, ctx);
    this.armRegionTimer(restart, this.deps.deploymentTimeoutMs, { type: 'RegionRestartTimedOut', restartId: restart.id }, ctx);
  }

  private startRestartedRegion(vertex: ExecutionVertex, ctx: ActorContext<JobMasterMessage>): void {
    const restart = this.regionRestarts.takeReady(vertex);
    if (!restart) return;
    for (const member of restart.vertices) this.tellExecution(member, { type: 'Start' }, ctx);
    ctx.log.info('restarted a pipelined region', { jobId: this.submission.jobId, vertices: restart.region.vertexIds });
  }

  /** Executions that did not confirm their cancellation are given up; new attempts that did not become ready fail the job globally. */
  private regionRestartTimedOut(restartId: number, ctx: ActorContext<JobMasterMessage>): void {
    const canceling = this.regionRestarts.find(restartId, 'canceling');
    if (canceling) {
      for (const vertex of canceling.vertices) vertex.currentExecution.transitionState('CANCELED');
      this.restartRegionsWhenStopped(ctx);
      return;
    }
    const deploying = this.regionRestarts.find(restartId, 'deploying');
    if (!deploying) return;
    const ready = deploying.vertices.filter((vertex) => vertex.currentExecution.state === 'INITIALIZING').length;
    const message = `deployment of the restarted region [${deploying.region.vertexIds.join(', ')}] timed out: ${ready} of ${deploying.vertices.length} subtasks became ready within ${this.deps.deploymentTimeoutMs} ms`;
    this.carryOut(this.failoverStrategy.onGlobalFailure({ name: 'DeploymentTimeout', message }, this.graph), ctx);
  }

  private armRegionTimer(restart: RegionRestart, delayMs: number, message: JobMasterMessage, ctx: ActorContext<JobMasterMessage>): void {
    clearTimeout(restart.timer);
    restart.timer = setTimeout(() => ctx.tell(ctx.self, message), delayMs);
  }

  /** Once every execution has stopped: the slots go back, and the restart follows after the strategy's delay. */
  private restartWhenStopped(ctx: ActorContext<JobMasterMessage>): void {
    if (this.restartDelayMs === undefined || !this.graph.isTerminal()) return;
    const delayMs = this.restartDelayMs;
    this.restartDelayMs = undefined;
    clearTimeout(this.timer);
    ctx.tell(this.deps.resourceManager, { type: 'ReleaseSlots', jobId: this.submission.jobId });
    this.timer = setTimeout(() => ctx.tell(ctx.self, { type: 'Restart' }), delayMs);
  }

  /** New attempts of every subtask, restored from the latest completed checkpoint, into newly requested slots. */
  private async restart(ctx: ActorContext<JobMasterMessage>): Promise<void> {
    if (this.status !== 'RESTARTING') return;
    try {
      this.restoreFrom = await this.checkpointCoordinator.latestCheckpointToRestore();
    } catch (error) {
      this.fail(`cannot restore job ${this.submission.jobId}: ${(error as Error).message}`, ctx);
      return;
    }
    for (const vertex of this.graph.vertices) vertex.resetForNewExecution();
    ctx.log.info('restarting job', { jobId: this.submission.jobId, fromCheckpoint: this.restoreFrom?.checkpointId ?? null });
    this.requestSlots(ctx);
  }

  /** Each subtask goes to its slot in `slotLayout`. */
  private deploy(slots: SlotAssignment[], ctx: ActorContext<JobMasterMessage>): void {
    this.slots = slots;
    this.deployExecutions(this.graph.vertices, this.restoreFrom, ctx);
    this.timer = setTimeout(() => ctx.tell(ctx.self, { type: 'DeploymentTimedOut' }), this.deps.deploymentTimeoutMs);
  }

  /** The current executions of `deployed` go to their slots; the channel subjects take every subtask's current attempt. */
  private deployExecutions(deployed: readonly ExecutionVertex[], restoreFrom: CompletedCheckpoint | undefined, ctx: ActorContext<JobMasterMessage>): void {
    const attemptNumbers = this.graph.attemptNumbers();
    const jobVertex = (id: string) => this.submission.jobGraph.vertices.find((v) => v.id === id)!;
    for (const [index, assignment] of this.slots.entries()) {
      const vertices = deployed.filter(({ id }) => this.slotLayout.slotOf(id.vertexId, id.subtaskIndex) === index);
      if (vertices.length === 0) continue;
      const executions = vertices.map((vertex) => {
        vertex.currentExecution.deploy({ tmId: assignment.tmId, slotIndex: assignment.slotIndex });
        return vertex.currentExecution.attemptId;
      });
      const restoredStates = restoreFrom && vertices.map(({ id }) => taskStateToRestore(restoreFrom, jobVertex(id.vertexId), id.subtaskIndex));
      ctx.tell(assignment.slot, { type: 'Deploy', deployment: { submission: this.submission, jobMaster: ctx.self, executions, attemptNumbers, ...(restoredStates ? { restoredStates } : {}) } });
    }
  }

  private start(ctx: ActorContext<JobMasterMessage>): void {
    clearTimeout(this.timer);
    for (const vertex of this.graph.vertices) this.tellExecution(vertex, { type: 'Start' }, ctx);
    this.setStatus('RUNNING', ctx);
    const interval = this.checkpointCoordinator.settings.intervalMs;
    if (interval > 0) this.checkpointScheduler = setInterval(() => ctx.tell(ctx.self, { type: 'TriggerCheckpoint' }), interval);
  }

  /** Flink triggers only when every task is running: a task that has not started or has finished could not take part. */
  private triggerCheckpoint(ctx: ActorContext<JobMasterMessage>): void {
    if (!this.allTasksRunning()) return;
    const result = this.checkpointCoordinator.triggerCheckpoint(Date.now());
    if (result.type === 'skipped') {
      ctx.log.debug('checkpoint not triggered', { reason: result.reason });
      return;
    }
    this.triggerSources(result.checkpointId, result.timestamp, 'CHECKPOINT', ctx);
  }

  private allTasksRunning(): boolean {
    return this.status === 'RUNNING' && this.graph.countIn('RUNNING') === this.graph.vertices.length;
  }

  /** Flink's triggerSavepoint and stopWithSavepoint: a savepoint into the requested directory, else state.savepoints.dir. */
  private triggerSavepoint(request: SavepointRequest, ctx: ActorContext<JobMasterMessage>): void {
    const { jobId } = this.submission;
    const targetDirectory = request.targetDirectory ?? this.deps.savepointsDirectory;
    const problem = !targetDirectory
      ? `job ${jobId}: no savepoint directory was given and state.savepoints.dir is not set (SLUICE_STATE_SAVEPOINTS_DIR on the JobManager)`
      : !this.allTasksRunning() ? `job ${jobId} is ${this.status}: a savepoint needs all its tasks running`
        : this.savepointRequests.isStopping ? `job ${jobId} is already stopping with a savepoint` : undefined;
    if (problem) {
      ctx.tell(request.replyTo, { ok: false, error: problem });
      return;
    }
    const checkpointType: CheckpointType = request.type === 'TriggerSavepoint' ? 'SAVEPOINT' : request.drain ? 'TERMINATE' : 'SUSPEND';
    const { checkpointId, timestamp } = this.checkpointCoordinator.triggerSavepoint(Date.now(), checkpointType, targetDirectory!);
    this.savepointRequests.add(checkpointId, checkpointType, request.replyTo);
    ctx.log.info('savepoint triggered', { jobId, checkpointId, checkpointType, targetDirectory });
    this.triggerSources(checkpointId, timestamp, checkpointType, ctx);
  }

  private triggerSources(checkpointId: number, timestamp: number, checkpointType: CheckpointType, ctx: ActorContext<JobMasterMessage>): void {
    this.checkpointTimeouts.set(checkpointId, setTimeout(() => ctx.tell(ctx.self, { type: 'CheckpointExpired', checkpointId }), this.checkpointCoordinator.settings.timeoutMs));
    const sources = new Set(this.submission.jobGraph.vertices.filter((v) => v.isSource).map((v) => v.id));
    for (const vertex of this.graph.vertices) {
      if (sources.has(vertex.id.vertexId)) this.tellExecution(vertex, { type: 'TriggerCheckpoint', checkpointId, timestamp, checkpointType }, ctx);
    }
  }

  private async acknowledgeCheckpoint(message: Extract<CheckpointResponse, { type: 'AcknowledgeCheckpoint' }>, ctx: ActorContext<JobMasterMessage>): Promise<void> {
    const { execution, checkpointId, metrics, state } = message;
    if (!this.isCurrent(execution)) return;
    let result;
    try {
      const report = { metrics, stateSize: state.byteLength };
      result = await this.checkpointCoordinator.receiveAcknowledge(checkpointId, execution.vertexId, execution.subtaskIndex, unpackTaskStateSnapshot(state), Date.now(), report);
    } catch (error) {
      this.clearCheckpointTimeout(checkpointId);
      const problem = `could not be stored: ${(error as Error).message}`;
      // A savepoint that cannot be written fails alone; after a stop-with-savepoint's, whose sources have stopped, the job fails over.
      if (this.savepointRequests.fail(checkpointId, `savepoint ${checkpointId} ${problem}`, ctx) === 'savepoint') return;
      this.carryOut(this.failoverStrategy.onGlobalFailure({ name: 'CheckpointStorageFailure', message: `checkpoint ${checkpointId} ${problem}` }, this.graph), ctx);
      return;
    }
    if (result.type === 'savepointCompleted') {
      this.clearCheckpointTimeout(checkpointId);
      this.savepointCompleted(checkpointId, result.checkpointType, result.path, ctx);
      return;
    }
    if (result.type !== 'completed') return;
    this.clearCheckpointTimeout(checkpointId);
    for (const subsumed of result.subsumed) this.clearCheckpointTimeout(subsumed);
    ctx.log.debug('checkpoint completed', { checkpointId });
    // Only a running job's tasks hear of it: after a failover the completion is not news to the new attempts.
    if (this.status !== 'RUNNING') return;
    this.notifyCheckpointComplete(checkpointId, 'CHECKPOINT', ctx);
  }

  private notifyCheckpointComplete(checkpointId: number, checkpointType: CheckpointType, ctx: ActorContext<JobMasterMessage>): void {
    for (const vertex of this.graph.vertices) this.tellExecution(vertex, { type: 'NotifyCheckpointComplete', checkpointId, checkpointType }, ctx);
  }

  /**
   * The requester gets the path. As in Flink, only a stop-with-savepoint is notified to the
   * tasks (a savepoint taken beside a running job commits no side effects); they end on it.
   */
  private savepointCompleted(checkpointId: number, checkpointType: CheckpointType, path: string, ctx: ActorContext<JobMasterMessage>): void {
    ctx.log.info('savepoint completed', { checkpointId, path });
    this.savepointRequests.complete(checkpointId, path, ctx);
    if (checkpointType !== 'SAVEPOINT' && this.status === 'RUNNING') this.notifyCheckpointComplete(checkpointId, checkpointType, ctx);
  }

  /** A savepoint that a failover ended is failed to its requester. */
  private abortedByFailover(checkpointId: number, ctx: ActorContext<JobMasterMessage>): void {
    this.clearCheckpointTimeout(checkpointId);
    this.savepointRequests.fail(checkpointId, `savepoint ${checkpointId} was aborted: the job is restarting`, ctx);
  }

  private abortCheckpoint(checkpointId: number, reason: CheckpointAbortReason, ctx: ActorContext<JobMasterMessage>, cause?: string): void {
    const result: AbortResult = this.checkpointCoordinator.abortPendingCheckpoint(checkpointId, reason, Date.now(), cause);
    if (result.type === 'ignored') return;
    this.clearCheckpointTimeout(checkpointId);
    for (const vertex of this.graph.vertices) this.tellExecution(vertex, { type: 'NotifyCheckpointAborted', checkpointId }, ctx);
    // The sources of a stop-with-savepoint have stopped: the job goes on only through a failover, as in Flink.
    if (this.savepointRequests.fail(checkpointId, `savepoint ${checkpointId} ${reason}`, ctx) === 'stopping') {
      this.carryOut(this.failoverStrategy.onGlobalFailure({ name: 'StopWithSavepointFailed', message: `stop-with-savepoint ${checkpointId} ${reason}` }, this.graph), ctx);
      return;
    }
    if (result.type === 'failJob') this.carryOut(this.failoverStrategy.onGlobalFailure({ name: 'CheckpointException', message: result.reason }, this.graph), ctx);
  }

  private clearCheckpointTimeout(checkpointId: number): void {
    clearTimeout(this.checkpointTimeouts.get(checkpointId));
    this.checkpointTimeouts.delete(checkpointId);
  }

  private stopCheckpointScheduler(): void {
    clearInterval(this.checkpointScheduler);
    this.checkpointScheduler = undefined;
  }

  private isCurrent(execution: { vertexId: string; subtaskIndex: number; attemptNumber: number }): boolean {
    return this.executionVertex(execution)?.currentExecution.attemptId.attemptNumber === execution.attemptNumber;
  }

  private executionVertex({ vertexId, subtaskIndex }: { vertexId: string; subtaskIndex: number }): ExecutionVertex | undefined {
    return this.graph.vertices.find((v) => v.id.vertexId === vertexId && v.id.subtaskIndex === subtaskIndex);
  }

  /** Every execution of `vertices` that has not stopped is told to cancel; one never deployed is canceled at once. */
  private cancelExecutions(vertices: readonly ExecutionVertex[], ctx: ActorContext<JobMasterMessage>): void {
    for (const vertex of vertices) {
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
    this.cancelExecutions(this.graph.vertices, ctx);
    this.finish('FAILED', ctx, reason);
  }

  private finish(status: 'FINISHED' | 'CANCELED' | 'FAILED', ctx: ActorContext<JobMasterMessage>, reason?: string): void {
    clearTimeout(this.timer);
    this.stopCheckpointScheduler();
    this.regionRestarts.clear();
    for (const checkpointId of [...this.checkpointTimeouts.keys()]) this.clearCheckpointTimeout(checkpointId);
    this.savepointRequests.failAll(`job ${this.submission.jobId} ended ${status} before its savepoint completed`, ctx);
    void this.checkpointCoordinator.shutdown(status).catch((error: unknown) => ctx.log.warn('retained checkpoints could not be discarded', { error: (error as Error).message }));
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
      ...(this.status === 'FINISHED' ? { accumulators: mergeAccumulatorSnapshots(this.finishedAccumulators.values()) } : {}),
    };
  }

  /** The Dispatcher keeps the record; clients follow the status subject. */
  private publish(ctx: ActorContext<JobMasterMessage>): void {
    const summary = this.summary();
    ctx.tell(this.deps.dispatcher, { type: 'JobStatusChanged', summary });
    ctx.system.nc.publish(this.deps.addresses.jobStatus(this.submission.jobId), encodeControl(summary));
  }
}
