// Flink's Trigger: decides when a window's contents are evaluated and when they are purged.
// A trigger object is shared by every key and window of its operator: what it must remember
// per window it keeps in partitioned state (getPartitionedState), and its timers are the
// operator's timers in the window's namespace, so both are checkpointed with the operator.
import type { ValueState } from '../../state/value-state.ts';
import type { ValueStateDescriptor } from '../../state/value-state-descriptor.ts';
import type { Window } from '../windows/window.ts';
import type { TriggerResult } from './trigger-result.ts';

/** What a trigger may do for the current key and window (Flink's Trigger.TriggerContext). */
export interface TriggerContext {
  getCurrentProcessingTime(): number;
  getCurrentWatermark(): number;
  registerProcessingTimeTimer(time: number): void;
  registerEventTimeTimer(time: number): void;
  deleteProcessingTimeTimer(time: number): void;
  deleteEventTimeTimer(time: number): void;
  /** State of the current key in the current window. */
  getPartitionedState<T>(descriptor: ValueStateDescriptor<T>): ValueState<T>;
}

/** The context of onMerge (Flink's Trigger.OnMergeContext): the current window is the merge result. */
export interface OnMergeContext extends TriggerContext {
  /**
   * Folds the state of the merged windows into the merge result's, with `merge` (the
   * descriptor's reduce function in Flink, where only reducing and aggregating state merge).
   */
  mergePartitionedState<T>(descriptor: ValueStateDescriptor<T>, merge: (a: T, b: T) => T): void;
}

export abstract class Trigger<T, W extends Window> {
  /** Called for every element added to a window; `timestamp` is -Infinity for an element without one. */
  abstract onElement(element: T, timestamp: number, window: W, ctx: TriggerContext): TriggerResult;

  /** A processing-time timer this trigger registered fired. */
  abstract onProcessingTime(time: number, window: W, ctx: TriggerContext): TriggerResult;

  /** An event-time timer this trigger registered fired. */
  abstract onEventTime(time: number, window: W, ctx: TriggerContext): TriggerResult;

  /** Whether this trigger supports merging windows (session windows need it). */
  canMerge(): boolean {
    return false;
  }

  /** Windows were merged into `window`: re-register timers and merge state for it. */
  onMerge(_window: W, _ctx: OnMergeContext): void {
    throw new Error(`${this}: this trigger does not support merging`);
  }

  /** The window is purged for good: delete its timers and state. */
  abstract clear(window: W, ctx: TriggerContext): void;

  toString(): string {
    return this.constructor.name;
  }
}
