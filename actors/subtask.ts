// Subtask: one execution attempt of one task (an operator chain), living in a slot's worker
// thread. It prepares its StreamTask (every channel subscribed), runs it when the JobMaster
// says Start, and reports each change of its ExecutionState, a failure with its cause, to
// the slot's SlotTasks, which forwards it to the JobMaster. Checkpoint triggers (to a
// source task) and notifications reach its task's mailbox from here; a trigger that finds
// the task not running is declined. A task that fails is an outcome
// this actor reports; the actor itself does not crash, so its siblings in the slot go on
// until the JobMaster decides.
import type { Actor, ActorContext, ActorRef } from '../lib/actor/index.ts';
import type { CheckpointType } from '../lib/checkpoint/checkpoint-type.ts';
import type { ExecutionAttemptId } from '../lib/graph/execution-graph.ts';
import type { TaskExecutionState } from '../lib/graph/execution-state.ts';
import { failureCause, type FailureCause } from '../lib/graph/failure-cause.ts';
import type { StreamTask } from '../lib/runtime/stream-task.ts';
import type { SlotTasksMessage } from './slot-tasks.ts';

export type SubtaskMessage =
  | { type: 'Start' }
  | { type: 'Cancel' }
  | { type: 'TaskEnded'; failure?: FailureCause }
  | { type: 'TriggerCheckpoint'; checkpointId: number; timestamp: number; checkpointType: CheckpointType }
  /** After a stop-with-savepoint (a synchronous checkpoint type) the task ends, FINISHED. */
  | { type: 'NotifyCheckpointComplete'; checkpointId: number; checkpointType: CheckpointType }
  | { type: 'NotifyCheckpointAborted'; checkpointId: number };

export class Subtask implements Actor<SubtaskMessage> {
  private state: 'preparing' | 'ready' | 'running' | 'cancelling' | 'ended' = 'preparing';

  constructor(
    private readonly task: StreamTask,
    private readonly execution: ExecutionAttemptId,
    private readonly slotTasks: ActorRef<SlotTasksMessage>,
  ) {}

  async preStart(ctx: ActorContext<SubtaskMessage>): Promise<void> {
    try {
      await this.task.prepare();
    } catch (error) {
      this.end({ execution: this.execution, state: 'FAILED', cause: failureCause(error, `${this.task.description} could not start`) }, ctx);
      return;
    }
    this.state = 'ready';
    this.report({ execution: this.execution, state: 'INITIALIZING' }, ctx);
  }

  async receive(message: SubtaskMessage, ctx: ActorContext<SubtaskMessage>): Promise<void> {
    switch (message.type) {
      case 'Start':
        if (this.state !== 'ready') return;
        this.state = 'running';
        this.report({ execution: this.execution, state: 'RUNNING' }, ctx);
        this.task.run().then(
          () => ctx.tell(ctx.self, { type: 'TaskEnded' }),
          (error: unknown) => ctx.tell(ctx.self, { type: 'TaskEnded', failure: failureCause(error, `${this.task.description} failed`) }),
        );
        return;
      case 'Cancel': {
        if (this.state === 'ended' || this.state === 'cancelling') return;
        const wasRunning = this.state === 'running';
        this.state = 'cancelling';
        await this.task.cancel();
        // A running task reports through TaskEnded; one that never ran reports now.
        if (!wasRunning) this.end({ execution: this.execution, state: 'CANCELED' }, ctx);
        return;
      }
      case 'TaskEnded':
        if (this.state === 'cancelling') this.end({ execution: this.execution, state: 'CANCELED' }, ctx);
        else if (message.failure) this.end({ execution: this.execution, state: 'FAILED', cause: message.failure }, ctx);
        else this.end({ execution: this.execution, state: 'FINISHED', accumulators: this.task.accumulators.snapshot() }, ctx);
        return;
      case 'TriggerCheckpoint':
        if (this.state === 'running') {
          this.task.triggerCheckpoint(message.checkpointId, message.timestamp, message.checkpointType);
        } else {
          const reason = `${this.task.description} is not running`;
          ctx.tell(this.slotTasks, { type: 'DeclineCheckpoint', execution: this.execution, checkpointId: message.checkpointId, reason });
        }
        return;
      case 'NotifyCheckpointComplete':
        if (this.state === 'running') this.task.notifyCheckpointComplete(message.checkpointId, message.checkpointType);
        return;
      case 'NotifyCheckpointAborted':
        if (this.state === 'running') this.task.notifyCheckpointAborted(message.checkpointId);
        return;
    }
  }

  postStop(): Promise<void> {
    return this.task.cancel();
  }

  private report(update: TaskExecutionState, ctx: ActorContext<SubtaskMessage>): void {
    ctx.tell(this.slotTasks, { type: 'UpdateTaskExecutionState', update });
  }

  private end(update: TaskExecutionState, ctx: ActorContext<SubtaskMessage>): void {
    this.state = 'ended';
    this.report(update, ctx);
    ctx.stopSelf();
  }
}
