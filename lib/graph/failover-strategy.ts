// How a job reacts to a failure. The JobMaster marks the failed execution in its
// ExecutionGraph, asks its FailoverStrategy what to do, and carries the answer out. Flink
// splits this answer between a FailoverStrategy (which vertices restart: all of them, or the
// failed pipelined region) and a RestartBackoffTimeStrategy (whether and when: fixed-delay,
// exponential-delay, failure-rate, none); with checkpoints, both come behind this interface
// as a further FailureHandlingResult that names the vertices to restart and the delay.
import type { ExecutionGraph, ExecutionVertex } from './execution-graph.ts';
import type { FailureCause } from './failure-cause.ts';

export type FailureHandlingResult = { type: 'failJob'; reason: string };

export interface FailoverStrategy {
  /** The current execution of `vertex` failed: in its task, its slot, or with its TaskManager. */
  onTaskFailure(vertex: ExecutionVertex, cause: FailureCause, graph: ExecutionGraph): FailureHandlingResult;
  /** The job failed as a whole: it got no slots, or its deployment timed out. */
  onGlobalFailure(cause: FailureCause, graph: ExecutionGraph): FailureHandlingResult;
}

/** Flink's restart strategy `none`, the default without checkpoints: any failure fails the job, with the cause's message as its reason. */
export const noRestartFailoverStrategy: FailoverStrategy = {
  onTaskFailure: (_vertex, cause) => ({ type: 'failJob', reason: cause.message }),
  onGlobalFailure: (cause) => ({ type: 'failJob', reason: cause.message }),
};
