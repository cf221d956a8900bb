import type { ActorCell } from './actor-cell.ts';
import type { Directive } from './directive.ts';
import { RestartIntensity, RestartIntensityExceededError } from './restart-intensity.ts';
import type { SupervisorStrategy } from './supervisor-strategy.ts';

// The supervising half of an actor (or of the system's guardian): its children, in start
// order, and what to do when one fails or stops itself. Failure handling lives here and in
// the strategy, never in the children. As in OTP, child exits are handled one at a time, in
// arrival order, and the exit of an instance that is no longer current (restarted or
// stopped by an earlier decision) is ignored: two children failing together under
// one_for_all cause one restart round, which counts once towards the restart intensity.
export class Supervisor {
  readonly children = new Map<string, ActorCell<any>>();
  private readonly intensity: RestartIntensity;
  /** The exits being handled, one after another. */
  private exits: Promise<void> = Promise.resolve();

  constructor(
    readonly address: string,
    private readonly strategy: SupervisorStrategy,
    /** The supervisor itself fails: its parent decides (at the top: the guardian's fatal handler). */
    private readonly escalate: (error: unknown, child: ActorCell<any>) => void,
  ) {
    this.intensity = new RestartIntensity(strategy.maxRestarts, strategy.withinMs);
  }

  /** Incarnation `incarnation` of `child` failed. */
  childFailed(child: ActorCell<any>, incarnation: number, error: unknown): void {
    this.onExit(child, incarnation, () => this.decide(child, error));
  }

  /** A child called stopSelf(): only a permanent child comes back (as OTP). */
  childStoppedItself(child: ActorCell<any>, incarnation: number): void {
    this.onExit(child, incarnation, () => ((child.spec.restart ?? 'permanent') === 'permanent'
      ? this.restart(child, new Error(`permanent actor ${child.address} stopped itself`))
      : child.stop()));
  }

  /** Stops all children, the last started first. */
  async stopChildren(): Promise<void> {
    for (const child of [...this.children.values()].reverse()) await child.stop();
  }

  /** A restarted supervisor starts with a clean restart history, as a new OTP process does. */
  forgetRestarts(): void {
    this.intensity.reset();
  }

  private onExit(child: ActorCell<any>, incarnation: number, handle: () => Promise<void> | void): void {
    this.exits = this.exits
      .then(async () => {
        if (this.children.get(child.address) !== child || child.incarnation !== incarnation) {
          child.log.debug('ignoring the exit of an instance that is no longer current', { incarnation, supervisor: this.address });
          return;
        }
        try {
          await handle();
        } catch (error) {
          // Supervision itself broke (e.g. an escalation handler threw): the child must not stay suspended.
          child.log.error('supervision failed: stopping the actor', { error, supervisor: this.address });
          await child.stop();
        }
      })
      .catch((error) => child.log.error('supervision failed', { error, supervisor: this.address }));
  }

  private async decide(child: ActorCell<any>, error: unknown): Promise<void> {
    let directive: Directive;
    try {
      directive = this.strategy.decide(error);
    } catch (strategyError) {
      // A strategy that cannot decide leaves the decision to the next supervisor up.
      directive = 'escalate';
      error = new Error(`the supervisor strategy of ${this.address} threw while deciding on a failure of ${child.address}: ${describe(strategyError)}; the failure: ${describe(error)}`, { cause: error });
    }
    child.log.warn('actor failed', { error, directive, supervisor: this.address });
    switch (directive) {
      case 'resume': return child.resume();
      case 'stop': return child.stop();
      case 'escalate': return this.escalate(error, child);
      case 'restart': return this.restart(child, error);
    }
  }

  private async restart(child: ActorCell<any>, cause: unknown): Promise<void> {
    if (!this.intensity.allow(Date.now())) {
      return this.escalate(new RestartIntensityExceededError(child.address, this.strategy.maxRestarts, this.strategy.withinMs, cause), child);
    }
    // As OTP: end the affected instances, the last started first, then start them in order;
    // a temporary child is not restarted but stopped.
    const affected = this.strategy.kind === 'one_for_all' ? [...this.children.values()] : [child];
    for (const target of [...affected].reverse()) await (target.spec.restart === 'temporary' ? target.stop() : target.stopInstance());
    for (const target of affected) if (target.spec.restart !== 'temporary') await target.start();
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
