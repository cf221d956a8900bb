// Flink's ExecutionState: the life of one execution attempt of a subtask, and what a task
// reports about it (Flink's TaskExecutionState).
//   CREATED → DEPLOYING → INITIALIZING → RUNNING → FINISHED
//   any non-final state → CANCELING → CANCELED, or → FAILED
// In Sluice an execution is DEPLOYING from the Deploy sent to its slot until its Subtask has
// subscribed every channel and opened its operators; it is then INITIALIZING until the
// JobMaster starts it (once every execution is INITIALIZING, so that no record goes to a
// channel nobody listens on yet), and RUNNING after that.
import type { ExecutionAttemptId } from './execution-graph.ts';
import type { FailureCause } from './failure-cause.ts';
import type { AccumulatorSnapshot } from '../functions/accumulator-registry.ts';

export type ExecutionState =
  | 'CREATED'
  | 'DEPLOYING'
  | 'INITIALIZING'
  | 'RUNNING'
  | 'FINISHED'
  | 'CANCELING'
  | 'CANCELED'
  | 'FAILED';

const terminalStates: ReadonlySet<ExecutionState> = new Set(['FINISHED', 'CANCELED', 'FAILED']);

/** A final state: the attempt has stopped and never changes state again. */
export function isTerminal(state: ExecutionState): boolean {
  return terminalStates.has(state);
}

/** A task's report of its own state; a failure carries its cause. */
export type TaskExecutionState =
  | { execution: ExecutionAttemptId; state: 'INITIALIZING' | 'RUNNING' | 'CANCELED' }
  /** A finished task's accumulators, for the job's result. */
  | { execution: ExecutionAttemptId; state: 'FINISHED'; accumulators?: AccumulatorSnapshot }
  | { execution: ExecutionAttemptId; state: 'FAILED'; cause: FailureCause };
