// The JobMaster's region restarts in flight (what Flink's scheduler does for a
// RestartPipelinedRegionFailoverStrategy answer): each cancels the region's current
// executions, waits until all of them stopped and then the restart strategy's delay, deploys
// new attempts of the region's subtasks, and starts them once all are ready. The other
// regions keep running meanwhile. Plain bookkeeping over the ExecutionGraph; the JobMaster
// sends the messages and owns the job's status.
import type { ExecutionGraph, ExecutionVertex } from './execution-graph.ts';
import { isTerminal } from './execution-state.ts';
import type { PipelinedRegion } from './pipelined-region.ts';

export interface RegionRestart {
  /** Tells a restart from a later one of the same region: a late timer of an earlier one is ignored. */
  readonly id: number;
  readonly region: PipelinedRegion;
  /** Every subtask of the region's vertices. */
  readonly vertices: readonly ExecutionVertex[];
  readonly delayMs: number;
  phase: 'canceling' | 'waiting' | 'deploying';
  /** The cancellation timeout, then the restart strategy's delay, then the deployment timeout. */
  timer?: NodeJS.Timeout;
}

export class RegionRestarts {
  private readonly byRegion = new Map<PipelinedRegion, RegionRestart>();
  private lastId = 0;

  constructor(private readonly graph: ExecutionGraph) {}

  /** The job must not finish while a region is restarting: its stopped executions are to run again. */
  get inProgress(): boolean {
    return this.byRegion.size > 0;
  }

  /** A restart of `region`; one already in flight (its new attempts failed) is replaced. The caller cancels the vertices' current executions. */
  begin(region: PipelinedRegion, delayMs: number): RegionRestart {
    const previous = this.byRegion.get(region);
    if (previous) clearTimeout(previous.timer);
    const vertices = this.graph.vertices.filter((vertex) => region.vertexIds.includes(vertex.id.vertexId));
    const restart: RegionRestart = { id: ++this.lastId, region, vertices, delayMs, phase: 'canceling' };
    this.byRegion.set(region, restart);
    return restart;
  }

  /** The canceling restarts whose executions have all stopped: they go on to wait their delay. */
  takeStopped(): RegionRestart[] {
    const stopped = [...this.byRegion.values()].filter((restart) =>
      restart.phase === 'canceling' && restart.vertices.every((vertex) => isTerminal(vertex.currentExecution.state)));
    for (const restart of stopped) restart.phase = 'waiting';
    return stopped;
  }

  /** Restart `id` in `phase`; undefined once it was replaced, or ended with the job's restart. */
  find(id: number, phase: RegionRestart['phase']): RegionRestart | undefined {
    return [...this.byRegion.values()].find((restart) => restart.id === id && restart.phase === phase);
  }

  /** The delay of a waiting restart passed: each of its subtasks gets its next attempt, CREATED, to deploy. */
  deploy(restart: RegionRestart): void {
    restart.phase = 'deploying';
    for (const vertex of restart.vertices) vertex.resetForNewExecution();
  }

  /** After `vertex` became ready: its region's restart, now over, when every new attempt of it is ready to start. */
  takeReady(vertex: ExecutionVertex): RegionRestart | undefined {
    const restart = [...this.byRegion.values()].find((candidate) => candidate.phase === 'deploying' && candidate.vertices.includes(vertex));
    if (!restart || !restart.vertices.every((member) => member.currentExecution.state === 'INITIALIZING')) return undefined;
    clearTimeout(restart.timer);
    this.byRegion.delete(restart.region);
    return restart;
  }

  /** The job restarts as a whole, or ends: no region restart goes on. */
  clear(): void {
    for (const restart of this.byRegion.values()) clearTimeout(restart.timer);
    this.byRegion.clear();
  }
}
