export type { Actor, ActorContext } from './actor.ts';
export { actorRef, type ActorRef } from './actor-ref.ts';
export { ActorSystem, type ActorSystemOptions } from './actor-system.ts';
export type { ChildSpec, RestartType } from './child-spec.ts';
export { actorSystemContainer, ActorSystemToken, LoggerToken } from './container.ts';
export type { Directive } from './directive.ts';
export { heartbeatSubject } from './node-liveness.ts';
export { RestartIntensityExceededError } from './restart-intensity.ts';
export { defaultSupervisorStrategy, oneForAll, oneForOne, type StrategyOptions, type SupervisorStrategy } from './supervisor-strategy.ts';
