// Shapes that several actors' protocols share. Each actor's own protocol (the messages it
// accepts) is the union at the top of its file.
import type { ActorRef } from '../lib/actor/index.ts';
import type { JobId, SlotId } from '../lib/ids/addresses.ts';
import type { AttemptNumbers, ExecutionAttemptId } from '../lib/graph/execution-graph.ts';
import type { FailureCause } from '../lib/graph/failure-cause.ts';
import type { TaskStateSnapshot } from '../lib/checkpoint/task-state-snapshot.ts';
import type { JobSubmission } from '../lib/job/job-submission.ts';
import type { JobMasterMessage } from './job-master.ts';

/** A validation error is part of a protocol: the caller gets it as a reply, nobody crashes. */
export type Reply<T extends object = object> = ({ ok: true } & T) | { ok: false; error: string };

export interface SlotAssignment extends SlotId {
  slot: ActorRef<import('./slot.ts').SlotMessage>;
}

/** What a Slot needs to run its share of a job: one subtask of each task (slot sharing). */
export interface SlotDeployment {
  submission: JobSubmission;
  jobMaster: ActorRef<JobMasterMessage>;
  /** The executions this slot runs, each at its current attempt. */
  executions: ExecutionAttemptId[];
  /** The current attempt of every subtask of the job, for the channel subjects. */
  attemptNumbers: AttemptNumbers;
  /** After a restart: each execution's state from the latest completed checkpoint, in the order of `executions`. */
  restoredStates?: TaskStateSnapshot[];
}

/**
 * What a slot runs once `added` joined its running `deployment` of the same job (a region
 * restart): each new attempt in place of its subtask's earlier one. For failure reports; the
 * restored states were handed over with each deployment.
 */
export function addDeployment(deployment: SlotDeployment, added: SlotDeployment): SlotDeployment {
  const replaced = (execution: ExecutionAttemptId) => added.executions.some((next) => next.vertexId === execution.vertexId && next.subtaskIndex === execution.subtaskIndex);
  return {
    submission: deployment.submission,
    jobMaster: deployment.jobMaster,
    executions: [...deployment.executions.filter((execution) => !replaced(execution)), ...added.executions],
    attemptNumbers: added.attemptNumbers,
  };
}

/** A slot that cannot run its deployment (the worker could not deploy it, or stopped): each of its executions fails with the cause. */
export function slotFailure(deployment: SlotDeployment, cause: FailureCause): JobMasterMessage[] {
  return deployment.executions.map((execution) => ({ type: 'UpdateTaskExecutionState', update: { execution, state: 'FAILED', cause } }));
}

export type { JobId };
