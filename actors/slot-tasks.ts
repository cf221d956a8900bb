// SlotTasks: inside a slot's worker thread, the parent of the job's Subtasks there (the
// TaskExecutor's role for this slot, in Flink's terms). It forwards each Subtask's state
// reports to the JobMaster: a failed Subtask stops alone, and what else stops or restarts
// is the JobMaster's call, carried out by the JobMaster's messages to each Subtask. Once a
// second it sends the JobMaster every task's TaskIOMetrics (backpressure), in one message. An
// actor that crashes (a bug, not a task failure) escalates, and the worker reports it. A
// region restart's new attempts are deployed here beside the Subtasks that keep running.
import { oneForOne, type Actor, type ActorContext, type ActorRef } from '../lib/actor/index.ts';
import type { Addresses } from '../lib/ids/addresses.ts';
import type { ExecutionAttemptId } from '../lib/graph/execution-graph.ts';
import { isTerminal, type TaskExecutionState } from '../lib/graph/execution-state.ts';
import type { StreamGraph } from '../lib/graph/stream-graph.ts';
import { ChannelTransport } from '../lib/exchange/channel-transport.ts';
import { StreamTask } from '../lib/runtime/stream-task.ts';
import { checkpointResponder, type CheckpointResponse } from './checkpoint-responder.ts';
import type { SlotDeployment } from './protocols.ts';
import { Subtask, type SubtaskMessage } from './subtask.ts';

export type SlotTasksMessage =
  /** New attempts of some of the job's subtasks (a region restart). */
  | { type: 'Deploy'; deployment: SlotDeployment }
  | { type: 'UpdateTaskExecutionState'; update: TaskExecutionState }
  /** From a Subtask's task, for the JobMaster's CheckpointCoordinator. */
  | CheckpointResponse
  /** The periodic tick: every task's TaskIOMetrics go to the JobMaster in one message. */
  | { type: 'ReportTaskIOMetrics' }
  /** The slot's connection was interrupted: its subtasks, reported failed, stop here too. */
  | { type: 'CancelAll' };

/** Flink's backpressure figures cover about a second. */
const metricsReportIntervalMs = 1000;

export const escalateEveryFailure = oneForOne({ decide: () => 'escalate' });

export class SlotTasks implements Actor<SlotTasksMessage> {
  private readonly tasks: Array<{ execution: ExecutionAttemptId; task: StreamTask }> = [];
  /** The subtasks not ended yet, by attempt. */
  private readonly subtasks = new Map<string, ActorRef<SubtaskMessage>>();
  private metricsTimer?: NodeJS.Timeout;
  /** Shared by the job's subtasks in this thread, so that their channels to each other stay in memory. */
  private transport?: ChannelTransport;

  constructor(
    private readonly deployment: SlotDeployment,
    private readonly streamGraph: StreamGraph,
    private readonly addresses: Addresses,
    private readonly namespace: string,
  ) {}

  preStart(ctx: ActorContext<SlotTasksMessage>): void {
    this.spawnSubtasks(this.deployment, ctx);
    this.metricsTimer = setInterval(() => ctx.tell(ctx.self, { type: 'ReportTaskIOMetrics' }), metricsReportIntervalMs);
  }

  postStop(): void {
    clearInterval(this.metricsTimer);
  }

  receive(message: SlotTasksMessage, ctx: ActorContext<SlotTasksMessage>): void {
    switch (message.type) {
      case 'Deploy':
        this.spawnSubtasks(message.deployment, ctx);
        return;
      case 'UpdateTaskExecutionState':
        if (isTerminal(message.update.state)) this.subtasks.delete(attemptKey(message.update.execution));
        ctx.tell(this.deployment.jobMaster, { type: 'UpdateTaskExecutionState', update: message.update });
        return;
      case 'AcknowledgeCheckpoint':
      case 'DeclineCheckpoint':
        ctx.tell(this.deployment.jobMaster, message);
        return;
      case 'CancelAll':
        for (const subtask of this.subtasks.values()) ctx.tell(subtask, { type: 'Cancel' });
        return;
      case 'ReportTaskIOMetrics':
        ctx.tell(this.deployment.jobMaster, { type: 'TaskIOMetrics', reports: this.tasks.map(({ execution, task }) => ({ execution, metrics: task.ioMetrics.read() })) });
        return;
    }
  }

  private spawnSubtasks(deployment: SlotDeployment, ctx: ActorContext<SlotTasksMessage>): void {
    const { submission, attemptNumbers, restoredStates } = deployment;
    for (const [index, execution] of deployment.executions.entries()) {
      const { vertexId, subtaskIndex, attemptNumber } = execution;
      const vertex = submission.jobGraph.vertices.find((v) => v.id === vertexId)!;
      this.subtasks.set(attemptKey(execution), ctx.spawn<SubtaskMessage>({
        id: `${vertexId}-${subtaskIndex}-${attemptNumber}`,
        address: this.addresses.subtask(submission.jobId, vertexId, subtaskIndex, attemptNumber),
        restart: 'temporary',
        start: () => {
          const task = new StreamTask({
            transport: this.transport ??= new ChannelTransport(ctx.system.nc),
            namespace: this.namespace,
            jobId: submission.jobId,
            jobGraph: submission.jobGraph,
            streamGraph: this.streamGraph,
            vertex,
            subtaskIndex,
            attemptNumber,
            attemptNumbers,
            jobCwd: submission.cwd,
            checkpointListener: checkpointResponder(
              execution,
              (operatorId) => `"${this.streamGraph.nodes.get(operatorId)?.name ?? operatorId}" (${subtaskIndex + 1}/${vertex.parallelism})`,
              (response) => ctx.tell(ctx.self, response),
            ),
            restoredState: restoredStates?.[index],
          });
          // A region restart's new attempt takes the place of the old one's figures.
          const previous = this.tasks.findIndex((entry) => entry.execution.vertexId === vertexId && entry.execution.subtaskIndex === subtaskIndex);
          if (previous >= 0) this.tasks.splice(previous, 1);
          this.tasks.push({ execution, task });
          return new Subtask(task, execution, ctx.self);
        },
      }));
    }
  }
}

function attemptKey({ vertexId, subtaskIndex, attemptNumber }: ExecutionAttemptId): string {
  return `${vertexId}/${subtaskIndex}/${attemptNumber}`;
}
