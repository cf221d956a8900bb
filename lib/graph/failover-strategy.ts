// How a job reacts to a failure. The JobMaster marks the failed execution in its
// ExecutionGraph, asks its FailoverStrategy what to do, and carries the answer out. Flink
// splits this answer between a FailoverStrategy (which vertices restart: all of them, or the
// failed pipelined region) and a RestartBackoffTimeStrategy (whether and when: fixed-delay,
// exponential-delay, failure-rate, none); both come behind this interface here. Flink's
// option `jobmanager.execution.failover-strategy` picks `region` (the default) or `full`.
import { createRestartBackoffTimeStrategy, type RestartBackoffTimeStrategy } from '../restart/restart-backoff-time-strategy.ts';
import { effectiveRestartStrategy } from '../restart/restart-strategies.ts';
import type { ExecutionGraph, ExecutionVertex } from './execution-graph.ts';
import type { FailureCause } from './failure-cause.ts';
import type { JobGraph } from './job-graph.ts';
import { computePipelinedRegions, type PipelinedRegion } from './pipelined-region.ts';

export type FailureHandlingResult =
  | { type: 'failJob'; reason: string }
  /** Cancel every current execution, then after `delayMs` deploy new attempts restored from the latest completed checkpoint. */
  | { type: 'restartAll'; delayMs: number }
  /** Cancel the region's current executions only, then after `delayMs` deploy new attempts of them restored from the latest completed checkpoint. */
  | { type: 'restartRegion'; region: PipelinedRegion; delayMs: number };

export interface FailoverStrategy {
  /** The current execution of `vertex` failed: in its task, or with its slot's worker. */
  onTaskFailure(vertex: ExecutionVertex, cause: FailureCause, graph: ExecutionGraph): FailureHandlingResult;
  /** The job failed as a whole: it got no slots, its deployment timed out, or it lost a TaskManager (whose slots held a subtask of every region). */
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
    return this.restartIfAllowed(cause, (delayMs) => ({ type: 'restartAll', delayMs }));
  }

  onGlobalFailure(cause: FailureCause): FailureHandlingResult {
    return this.restartIfAllowed(cause, (delayMs) => ({ type: 'restartAll', delayMs }));
  }

  /** Every failure counts against the restart strategy, whatever it restarts. */
  protected restartIfAllowed(cause: FailureCause, restart: (delayMs: number) => FailureHandlingResult): FailureHandlingResult {
    this.backoff.notifyFailure(this.now());
    if (!this.backoff.canRestart()) return { type: 'failJob', reason: `${cause.message} (recovery is suppressed by ${this.backoff})` };
    return restart(this.backoff.getBackoffTime());
  }
}

/**
 * Flink's RestartPipelinedRegionFailoverStrategy: a task failure restarts only the failed
 * task's pipelined region, and the other regions keep running; a global failure, or one in
 * the job's only region, restarts the whole job.
 */
export class RestartPipelinedRegionFailoverStrategy extends RestartAllFailoverStrategy {
  constructor(private readonly regions: readonly PipelinedRegion[], backoff: RestartBackoffTimeStrategy, now?: () => number) {
    super(backoff, now);
  }

  override onTaskFailure(vertex: ExecutionVertex, cause: FailureCause): FailureHandlingResult {
    if (this.regions.length === 1) return super.onTaskFailure(vertex, cause);
    const region = this.regions.find((candidate) => candidate.vertexIds.includes(vertex.id.vertexId));
    if (!region) throw new Error(`failover: subtask ${vertex.id.subtaskIndex} of vertex ${vertex.id.vertexId} is in no pipelined region of the job`);
    return this.restartIfAllowed(cause, (delayMs) => ({ type: 'restartRegion', region, delayMs }));
  }
}

/** The job's failover strategy: its restart strategy (or Flink's default for its checkpointing), restarting its failed region or the whole job. */
export function createFailoverStrategy(jobGraph: JobGraph): FailoverStrategy {
  const restartStrategy = effectiveRestartStrategy(jobGraph.restartStrategy, jobGraph.checkpointing !== undefined);
  if (restartStrategy.strategy === 'none') return noRestartFailoverStrategy;
  const backoff = createRestartBackoffTimeStrategy(restartStrategy);
  return (jobGraph.failoverStrategy ?? 'region') === 'region'
    ? new RestartPipelinedRegionFailoverStrategy(computePipelinedRegions(jobGraph), backoff)
    : new RestartAllFailoverStrategy(backoff);
}
