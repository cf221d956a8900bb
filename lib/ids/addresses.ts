// Every actor's address is a NATS subject under `sluice.<namespace>`: this file is the map.
export type JobId = string;
export type TaskManagerId = string;

/** One slot of one TaskManager (Flink's SlotID). */
export interface SlotId {
  tmId: TaskManagerId;
  slotIndex: number;
}

export class Addresses {
  constructor(readonly namespace: string) {}

  private get root(): string { return `sluice.${this.namespace}`; }

  dispatcher(): string { return `${this.root}.jm.dispatcher`; }
  resourceManager(): string { return `${this.root}.jm.resourcemanager`; }
  jobMaster(jobId: JobId): string { return `${this.root}.job.${jobId}.master`; }
  /** Plain NATS subject (not an actor) on which a JobMaster publishes every status change. */
  jobStatus(jobId: JobId): string { return `${this.root}.job.${jobId}.status`; }
  /** Plain NATS subject on which the sink of executeAndCollect() sends the records back to the job's client. */
  jobResults(jobId: JobId): string { return `${this.root}.job.${jobId}.results`; }
  taskExecutor(tmId: TaskManagerId): string { return `${this.root}.tm.${tmId}.executor`; }
  slot(tmId: TaskManagerId, slotIndex: number): string { return `${this.root}.tm.${tmId}.slot.${slotIndex}`; }
  /** The supervisor of one job's subtasks in one slot's worker thread. */
  slotTasks(jobId: JobId, tmId: TaskManagerId, slotIndex: number): string {
    return `${this.root}.job.${jobId}.slot.${tmId}.${slotIndex}`;
  }
  /** One execution attempt of a subtask: a new attempt never receives what was told to an old one. */
  subtask(jobId: JobId, vertexId: string, subtaskIndex: number, attemptNumber: number): string {
    return `${this.root}.job.${jobId}.task.${vertexId}.${subtaskIndex}.${attemptNumber}`;
  }
}

/** Ids become subject tokens: keep them to letters, digits, '-' and '_'. */
export function assertSubjectToken(kind: string, value: string): void {
  if (!/^[A-Za-z0-9_-]+$/.test(value)) {
    throw new Error(`${kind} "${value}" may only contain letters, digits, '-' and '_' (it is part of a NATS subject)`);
  }
}
