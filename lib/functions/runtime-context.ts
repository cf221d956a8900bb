// What a rich function learns about the subtask it runs in (Flink's RuntimeContext).

export interface RuntimeContext {
  /** 0-based index of this parallel subtask. */
  getIndexOfThisSubtask(): number;
  getNumberOfParallelSubtasks(): number;
  /** The number of key groups: the upper bound for rescaling keyed state. */
  getMaxNumberOfParallelSubtasks(): number;
  /** The task's name (the chained operators' names joined by " -> "). */
  getTaskName(): string;
  getJobId(): string;
  /** 0 for the first execution, incremented on each restart. */
  getAttemptNumber(): number;
}

/** The facts the runtime knows when it deploys a subtask. */
export interface SubtaskInfo {
  jobId: string;
  taskName: string;
  subtaskIndex: number;
  parallelism: number;
  maxParallelism: number;
  attemptNumber: number;
}

export class StreamingRuntimeContext implements RuntimeContext {
  constructor(private readonly info: SubtaskInfo) {}

  getIndexOfThisSubtask(): number {
    return this.info.subtaskIndex;
  }

  getNumberOfParallelSubtasks(): number {
    return this.info.parallelism;
  }

  getMaxNumberOfParallelSubtasks(): number {
    return this.info.maxParallelism;
  }

  getTaskName(): string {
    return this.info.taskName;
  }

  getJobId(): string {
    return this.info.jobId;
  }

  getAttemptNumber(): number {
    return this.info.attemptNumber;
  }
}
