// SlotTasks: inside a slot's worker thread, the parent of the job's Subtasks there. It
// never restarts a Subtask (recovery is the JobMaster's call): every failure escalates,
// and the worker reports the escalation to the JobMaster.
import { oneForOne, type Actor, type ActorContext } from '../lib/actor/index.ts';
import type { Addresses } from '../lib/ids/addresses.ts';
import type { StreamGraph } from '../lib/graph/stream-graph.ts';
import { StreamTask } from '../lib/runtime/stream-task.ts';
import type { SlotDeployment } from './protocols.ts';
import { Subtask, type SubtaskMessage } from './subtask.ts';

export type SlotTasksMessage = never;

export const escalateEveryFailure = oneForOne({ decide: () => 'escalate' });

export class SlotTasks implements Actor<SlotTasksMessage> {
  constructor(
    private readonly deployment: SlotDeployment,
    private readonly streamGraph: StreamGraph,
    private readonly addresses: Addresses,
    private readonly namespace: string,
  ) {}

  preStart(ctx: ActorContext<SlotTasksMessage>): void {
    const { submission, jobMaster, attemptNumber } = this.deployment;
    for (const id of this.deployment.subtasks) {
      const vertex = submission.jobGraph.vertices.find((v) => v.id === id.vertexId)!;
      ctx.spawn<SubtaskMessage>({
        id: `${id.vertexId}-${id.subtaskIndex}`,
        address: this.addresses.subtask(submission.jobId, id.vertexId, id.subtaskIndex),
        restart: 'temporary',
        start: () => new Subtask(
          new StreamTask({
            nc: ctx.system.nc,
            namespace: this.namespace,
            jobId: submission.jobId,
            jobGraph: submission.jobGraph,
            streamGraph: this.streamGraph,
            vertex,
            subtaskIndex: id.subtaskIndex,
            attemptNumber,
            jobCwd: submission.cwd,
          }),
          id,
          jobMaster,
        ),
      });
    }
  }

  receive(): void {}
}
