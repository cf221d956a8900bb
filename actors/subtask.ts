// Subtask: one parallel instance of one task (an operator chain), living in a slot's worker
// thread. It prepares its StreamTask (every channel subscribed) and says so, runs it when
// the JobMaster says Start, and reports how it ended. A failure is thrown, so it goes to the
// supervisor, which escalates it to the JobMaster.
import type { Actor, ActorContext, ActorRef } from '../lib/actor/index.ts';
import type { StreamTask } from '../lib/runtime/stream-task.ts';
import type { JobMasterMessage } from './job-master.ts';
import type { SubtaskId } from './protocols.ts';

export type SubtaskMessage =
  | { type: 'Start' }
  | { type: 'Cancel' }
  | { type: 'TaskEnded'; failure?: string };

export class SubtaskFailure extends Error {}

export class Subtask implements Actor<SubtaskMessage> {
  private state: 'preparing' | 'ready' | 'running' | 'cancelling' | 'ended' = 'preparing';

  constructor(
    private readonly task: StreamTask,
    private readonly id: SubtaskId,
    private readonly jobMaster: ActorRef<JobMasterMessage>,
  ) {}

  async preStart(ctx: ActorContext<SubtaskMessage>): Promise<void> {
    try {
      await this.task.prepare();
    } catch (error) {
      throw new SubtaskFailure(`${this.task.description} could not start: ${(error as Error).message}`);
    }
    this.state = 'ready';
    ctx.tell(this.jobMaster, { type: 'SubtaskReady', subtask: this.id });
  }

  async receive(message: SubtaskMessage, ctx: ActorContext<SubtaskMessage>): Promise<void> {
    switch (message.type) {
      case 'Start':
        if (this.state !== 'ready') return;
        this.state = 'running';
        this.task.run().then(
          () => ctx.tell(ctx.self, { type: 'TaskEnded' }),
          (error: unknown) => ctx.tell(ctx.self, { type: 'TaskEnded', failure: error instanceof Error ? error.message : String(error) }),
        );
        return;
      case 'Cancel': {
        if (this.state === 'ended' || this.state === 'cancelling') return;
        const wasRunning = this.state === 'running';
        this.state = 'cancelling';
        await this.task.cancel();
        // A running task reports through TaskEnded; one that never ran reports now.
        if (!wasRunning) this.end({ type: 'SubtaskCanceled', subtask: this.id }, ctx);
        return;
      }
      case 'TaskEnded':
        if (this.state === 'cancelling') {
          this.end({ type: 'SubtaskCanceled', subtask: this.id }, ctx);
        } else if (message.failure !== undefined) {
          this.state = 'ended';
          throw new SubtaskFailure(`${this.task.description} failed: ${message.failure}`);
        } else {
          this.end({ type: 'SubtaskFinished', subtask: this.id }, ctx);
        }
        return;
    }
  }

  postStop(): Promise<void> {
    return this.task.cancel();
  }

  private end(report: JobMasterMessage, ctx: ActorContext<SubtaskMessage>): void {
    this.state = 'ended';
    ctx.tell(this.jobMaster, report);
    ctx.stopSelf();
  }
}
