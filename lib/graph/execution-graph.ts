// The JobMaster's picture of a running job (Flink's ExecutionGraph): each subtask of each
// JobVertex is an ExecutionVertex, and each deployment of it an Execution, numbered by its
// attempt, with its ExecutionState and slot. Plain data, driven by the JobMaster; a report
// from an attempt that is no longer its vertex's current one changes nothing.
import type { SlotId } from '../ids/addresses.ts';
import { isTerminal, type ExecutionState, type TaskExecutionState } from './execution-state.ts';
import type { FailureCause } from './failure-cause.ts';
import type { JobGraph } from './job-graph.ts';

/** One subtask of one JobVertex (Flink's ExecutionVertexID). */
export interface ExecutionVertexId {
  vertexId: string;
  subtaskIndex: number;
}

/** One deployment of a subtask (Flink's ExecutionAttemptID). */
export interface ExecutionAttemptId extends ExecutionVertexId {
  attemptNumber: number;
}

/** The current attempt number of every subtask of a job: by JobVertex id, then subtask index. */
export type AttemptNumbers = Record<string, number[]>;

export class Execution {
  private currentState: ExecutionState = 'CREATED';
  private assignedSlot?: SlotId;
  private cause?: FailureCause;

  constructor(readonly attemptId: ExecutionAttemptId) {}

  get state(): ExecutionState { return this.currentState; }
  get slot(): SlotId | undefined { return this.assignedSlot; }
  /** Why it FAILED. */
  get failureCause(): FailureCause | undefined { return this.cause; }

  deploy(slot: SlotId): void {
    this.assignedSlot = slot;
    this.transitionState('DEPLOYING');
  }

  /** As in Flink, a failure of an execution being canceled only completes the cancellation. */
  markFailed(cause: FailureCause): boolean {
    if (this.currentState === 'CANCELING') return this.transitionState('CANCELED');
    if (!this.transitionState('FAILED')) return false;
    this.cause = cause;
    return true;
  }

  /**
   * Returns whether the state changed. A final state is final, and an execution being
   * canceled only goes on to a final state (a late RUNNING report must not revive it).
   */
  transitionState(to: ExecutionState): boolean {
    if (isTerminal(this.currentState) || (this.currentState === 'CANCELING' && !isTerminal(to))) return false;
    this.currentState = to;
    return true;
  }
}

export class ExecutionVertex {
  private execution: Execution;

  constructor(readonly id: ExecutionVertexId) {
    this.execution = new Execution({ ...id, attemptNumber: 0 });
  }

  get currentExecution(): Execution { return this.execution; }

  /** A restart: the next attempt, CREATED, replaces a stopped one (Flink's resetForNewExecution). */
  resetForNewExecution(): Execution {
    const { attemptId, state } = this.execution;
    if (!isTerminal(state)) {
      throw new Error(`cannot restart subtask ${this.id.subtaskIndex} of vertex ${this.id.vertexId}: attempt ${attemptId.attemptNumber} is still ${state}`);
    }
    this.execution = new Execution({ ...this.id, attemptNumber: attemptId.attemptNumber + 1 });
    return this.execution;
  }
}

export class ExecutionGraph {
  /** Every subtask of every JobVertex, in the JobGraph's vertex order. */
  readonly vertices: readonly ExecutionVertex[];
  private readonly byJobVertex: ReadonlyMap<string, readonly ExecutionVertex[]>;

  constructor(jobGraph: JobGraph) {
    this.byJobVertex = new Map(jobGraph.vertices.map((vertex) => [
      vertex.id,
      Array.from({ length: vertex.parallelism }, (_, subtaskIndex) => new ExecutionVertex({ vertexId: vertex.id, subtaskIndex })),
    ]));
    this.vertices = [...this.byJobVertex.values()].flat();
  }

  /**
   * Applies a task's report to the execution it names. Returns that execution's vertex, or
   * undefined when the report changes nothing: its attempt is no longer current, or the
   * execution has already stopped.
   */
  updateState(update: TaskExecutionState): ExecutionVertex | undefined {
    const { vertexId, subtaskIndex, attemptNumber } = update.execution;
    const vertex = this.byJobVertex.get(vertexId)?.[subtaskIndex];
    const execution = vertex?.currentExecution;
    if (!execution || execution.attemptId.attemptNumber !== attemptNumber) return undefined;
    const changed = update.state === 'FAILED' ? execution.markFailed(update.cause) : execution.transitionState(update.state);
    return changed ? vertex : undefined;
  }

  attemptNumbers(): AttemptNumbers {
    return Object.fromEntries([...this.byJobVertex].map(([id, vertices]) =>
      [id, vertices.map((vertex) => vertex.currentExecution.attemptId.attemptNumber)]));
  }

  countIn(state: ExecutionState): number {
    return this.vertices.filter((vertex) => vertex.currentExecution.state === state).length;
  }

  /** Every current execution has stopped. */
  isTerminal(): boolean {
    return this.vertices.every((vertex) => isTerminal(vertex.currentExecution.state));
  }
}
