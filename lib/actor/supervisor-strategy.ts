import type { Directive } from './directive.ts';

// How an actor supervises its children: which directive for which error, whether a restart
// touches only the failed child (one_for_one) or all of its siblings too (one_for_all), and
// the restart intensity: more than maxRestarts restarts within withinMs escalates instead.
export interface SupervisorStrategy {
  kind: 'one_for_one' | 'one_for_all';
  decide(error: unknown): Directive;
  maxRestarts: number;
  withinMs: number;
}

export interface StrategyOptions {
  decide?: (error: unknown) => Directive;
  maxRestarts?: number;
  withinMs?: number;
}

function strategy(kind: SupervisorStrategy['kind'], options: StrategyOptions): SupervisorStrategy {
  return {
    kind,
    decide: options.decide ?? (() => 'restart'),
    maxRestarts: options.maxRestarts ?? 3,
    withinMs: options.withinMs ?? 10_000,
  };
}

export const oneForOne = (options: StrategyOptions = {}): SupervisorStrategy => strategy('one_for_one', options);
export const oneForAll = (options: StrategyOptions = {}): SupervisorStrategy => strategy('one_for_all', options);

/** Restart the failed child, at most 3 times in 10 s. */
export const defaultSupervisorStrategy: SupervisorStrategy = oneForOne();
