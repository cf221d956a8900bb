// Shapes that several actors' protocols share. Each actor's own protocol (the messages it
// accepts) is the union at the top of its file.
import type { ActorRef } from '../lib/actor/index.ts';
import type { JobId, TaskManagerId } from '../lib/ids/addresses.ts';
import type { JobSubmission } from '../lib/job/job-submission.ts';

/** A validation error is part of a protocol: the caller gets it as a reply, nobody crashes. */
export type Reply<T extends object = object> = ({ ok: true } & T) | { ok: false; error: string };

export interface SubtaskId {
  vertexId: string;
  subtaskIndex: number;
}

export interface SlotAssignment {
  tmId: TaskManagerId;
  slotIndex: number;
  slot: ActorRef<import('./slot.ts').SlotMessage>;
}

/** What a Slot needs to run its share of a job: one subtask of each task (slot sharing). */
export interface SlotDeployment {
  submission: JobSubmission;
  jobMaster: ActorRef<import('./job-master.ts').JobMasterMessage>;
  subtasks: SubtaskId[];
  attemptNumber: number;
}

export type { JobId };
