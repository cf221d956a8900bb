// How a job reacts to a failure. The JobMaster marks the failed execution in its
// ExecutionGraph, asks its FailoverStrategy what to do, and carries the answer out. Flink
// splits this answer between a FailoverStrategy (which vertices restart: all of them, or the
// failed pipelined region) and a RestartBackoffTimeStrategy (whether and when: fixed-delay,
// exponential-delay, failure-rate, none); both come behind this interface here.
import type { RestartBackoffTimeStrategy } from '../restart/restart-backoff-time-strategy.ts';
import type { ExecutionGraph, ExecutionVertex } from './execution-graph.ts';
import type { FailureCause } from './failure-cause.ts';

export type FailureHandlingResult =
  | { type: 'failJob'; reason: string }
  /** Cancel every current execution, then after `delayMs` deploy new attempts restored from the latest completed checkpoint. */
  | { type: 'restartAll'; delayMs: number };

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

/** Flink's RestartAllFailoverStrategy under a restart strategy: every failure restarts the whole job, while the strategy allows. */
export class RestartAllFailoverStrategy implements FailoverStrategy {
  constructor(private readonly backoff: RestartBackoffTimeStrategy, private readonly now: () => number = Date.now) {}

  onTaskFailure(_vertex: ExecutionVertex, cause: FailureCause): FailureHandlingResult {
    return this.handle(cause);
  }

  onGlobalFailure(cause: FailureCause): FailureHandlingResult {
    return this.handle(cause);
  }

  private handle(cause: FailureCause): FailureHandlingResult {
    this.backoff.notifyFailure(this.now());
    if (!this.backoff.canRestart()) return { type: 'failJob', reason: `${cause.message} (recovery is suppressed by ${this.backoff})` };
    return { type: 'restartAll', delayMs: this.backoff.getBackoffTime() };
  }
}
