// Flink's WindowAssigner: puts each element into zero or more windows, and names the trigger
// that windows get unless the user sets another. Assigners hold no state, so one object
// serves every subtask.
import type { Trigger } from '../triggers/trigger.ts';
import type { Window } from '../windows/window.ts';

/** What an assigner may ask the operator (Flink's WindowAssigner.WindowAssignerContext). */
export interface WindowAssignerContext {
  getCurrentProcessingTime(): number;
}

export abstract class WindowAssigner<T, W extends Window> {
  /** The windows of an element; `timestamp` is undefined for an element without one. */
  abstract assignWindows(element: T, timestamp: number | undefined, context: WindowAssignerContext): W[];

  abstract getDefaultTrigger(): Trigger<T, W>;

  /** Whether windows are in event time (then watermarks fire them, and elements can be late). */
  abstract isEventTime(): boolean;
}

/** Flink's MergingWindowAssigner: windows may merge as elements arrive (session windows). */
export abstract class MergingWindowAssigner<T, W extends Window> extends WindowAssigner<T, W> {
  /** Calls `merge` for every set of windows (two or more) that become one. */
  abstract mergeWindows(windows: readonly W[], merge: (toBeMerged: W[], mergeResult: W) => void): void;
}

export function isMergingWindowAssigner<T, W extends Window>(assigner: WindowAssigner<T, W>): assigner is MergingWindowAssigner<T, W> {
  return assigner instanceof MergingWindowAssigner;
}
