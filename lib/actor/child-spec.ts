import type { Actor } from './actor.ts';
import type { SupervisorStrategy } from './supervisor-strategy.ts';

// When a child is restarted, as OTP:
// permanent: always, also when it stops itself with ctx.stopSelf();
// transient: only after a failure (stopSelf() stops it for good);
// temporary: never (a `restart` directive stops it instead).
// An explicit stop (ctx.stopChild, system.stop, shutdown) never restarts.
export type RestartType = 'permanent' | 'transient' | 'temporary';

export interface ChildSpec<M> {
  id: string;
  /** The NATS subject the actor listens on, e.g. `sluice.default.tm.tm1.slot.0`. */
  address: string;
  /** Called for the first instance and again on every restart. */
  start: () => Actor<M>;
  /** Default `permanent`. */
  restart?: RestartType;
  /**
   * OTP's `shutdown`: how long this actor's own part of a stop (its running handler, then
   * postStop) may take; past it the instance is left behind and the stop goes on. Its
   * children stop first, each within its own shutdownMs. Default 5000 ms.
   */
  shutdownMs?: number;
  /** How THIS actor supervises ITS children. Default: one_for_one, restart, 3 in 10 s. */
  supervisorStrategy?: SupervisorStrategy;
}

export const defaultShutdownMs = 5_000;
