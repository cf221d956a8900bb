import type { ActorCell } from './actor-cell.ts';
import { RestartIntensity, RestartIntensityExceededError } from './restart-intensity.ts';
import type { SupervisorStrategy } from './supervisor-strategy.ts';

// The supervising half of an actor (or of the system's guardian): its children, in start
// order, and what to do when one fails or stops itself. Failure handling lives here and
// in the strategy, never in the children.
export class Supervisor {
  readonly children = new Map<string, ActorCell<any>>();
  private readonly intensity: RestartIntensity;

  constructor(
    readonly address: string,
    private readonly strategy: SupervisorStrategy,
    /** The supervisor itself fails: its parent decides (at the top: the guardian's fatal handler). */
    private readonly escalate: (error: unknown, child: ActorCell<any>) => void,
  ) {
    this.intensity = new RestartIntensity(strategy.maxRestarts, strategy.withinMs);
  }

  async childFailed(child: ActorCell<any>, error: unknown): Promise<void> {
    const directive = this.strategy.decide(error);
    child.log.warn('actor failed', { error, directive, supervisor: this.address });
    switch (directive) {
      case 'resume': return child.resume();
      case 'stop': return child.stop();
      case 'escalate': return this.escalate(error, child);
      case 'restart': return this.restart(child, error);
    }
  }

  /** A child called stopSelf(): only a permanent child comes back (as OTP). */
  async childStoppedItself(child: ActorCell<any>): Promise<void> {
    if ((child.spec.restart ?? 'permanent') !== 'permanent') return child.stop();
    return this.restart(child, new Error(`permanent actor ${child.address} stopped itself`));
  }

  /** Stops all children, the last started first. */
  async stopChildren(): Promise<void> {
    for (const child of [...this.children.values()].reverse()) await child.stop();
  }

  /** A restarted supervisor starts with a clean restart history, as a new OTP process does. */
  forgetRestarts(): void {
    this.intensity.reset();
  }

  private async restart(child: ActorCell<any>, cause: unknown): Promise<void> {
    if (!this.intensity.allow(Date.now())) {
      return this.escalate(new RestartIntensityExceededError(child.address, this.strategy.maxRestarts, this.strategy.withinMs, cause), child);
    }
    const affected = this.strategy.kind === 'one_for_all' ? [...this.children.values()] : [child];
    for (const target of affected) await (target.spec.restart === 'temporary' ? target.stop() : target.restart());
  }
}
