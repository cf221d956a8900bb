// What a rich function learns about the subtask it runs in (Flink's RuntimeContext), and
// where it gets keyed state.
import type { KeyedStateStore } from '../state/keyed-state-store.ts';
import type { ValueState } from '../state/value-state.ts';
import type { ValueStateDescriptor } from '../state/value-state-descriptor.ts';

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
  /**
   * The state of the current key, created on first use. Only in an operator after keyBy():
   * there the runtime sets the current key before each record.
   */
  getState<T>(descriptor: ValueStateDescriptor<T>): ValueState<T>;
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
  constructor(
    private readonly info: SubtaskInfo,
    /** The operator the function belongs to, for errors. */
    private readonly operatorName: string = info.taskName,
    /** Present exactly when the operator is keyed. */
    private readonly keyedStateStore?: KeyedStateStore,
  ) {}

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

  getState<T>(descriptor: ValueStateDescriptor<T>): ValueState<T> {
    return this.keyedStateStoreFor(descriptor.name).getState(descriptor);
  }

  private keyedStateStoreFor(stateName: string): KeyedStateStore {
    if (this.keyedStateStore) return this.keyedStateStore;
    const { taskName, subtaskIndex, parallelism } = this.info;
    throw new Error(`Keyed state can only be used on a 'keyed stream', i.e., after a 'keyBy()' operation: state "${stateName}" requested by operator "${this.operatorName}" of task "${taskName} (${subtaskIndex + 1}/${parallelism})"`);
  }
}
