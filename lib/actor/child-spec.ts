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
  /** How THIS actor supervises ITS children. Default: one_for_one, restart, 3 in 10 s. */
  supervisorStrategy?: SupervisorStrategy;
}
