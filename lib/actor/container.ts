import 'reflect-metadata';
import { container as rootContainer, type DependencyContainer, type InjectionToken } from 'tsyringe';
import type { Logger } from '../log/logger.ts';
import type { ActorSystem } from './actor-system.ts';

export const ActorSystemToken: InjectionToken<ActorSystem> = Symbol('ActorSystem');
export const LoggerToken: InjectionToken<Logger> = Symbol('Logger');

// A child container per ActorSystem, so that two systems in one process (tests, the local
// mini cluster) each resolve their own. Registrations are values or factories: tsx does
// not emit decorator metadata, so constructor injection by type is not available.
export function actorSystemContainer(system: ActorSystem, parent: DependencyContainer = rootContainer): DependencyContainer {
  const child = parent.createChildContainer();
  child.register(ActorSystemToken, { useValue: system });
  child.register(LoggerToken, { useValue: system.log });
  return child;
}
