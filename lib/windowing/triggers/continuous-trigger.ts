// What Flink's ContinuousEventTimeTrigger and ContinuousProcessingTimeTrigger share: a window
// fires every `interval` (aligned to the epoch) until its end. The next firing time is
// per-window state; when windows merge the earliest one wins.
import { ValueStateDescriptor } from '../../state/value-state-descriptor.ts';
import type { Window } from '../windows/window.ts';
import { Trigger, type OnMergeContext, type TriggerContext } from './trigger.ts';

export abstract class ContinuousTrigger extends Trigger<unknown, Window> {
  protected readonly fireTimestampDescriptor = new ValueStateDescriptor<number>('fire-time');

  protected constructor(protected readonly interval: number) {
    super();
  }

  protected abstract registerTimer(ctx: TriggerContext, time: number): void;
  protected abstract deleteTimer(ctx: TriggerContext, time: number): void;

  /** The next firing after `time`, never past the window's last timestamp. */
  protected registerNextFireTimestamp(time: number, window: Window, ctx: TriggerContext): void {
    const next = Math.min(time + this.interval, window.maxTimestamp());
    ctx.getPartitionedState(this.fireTimestampDescriptor).update(next);
    this.registerTimer(ctx, next);
  }

  /** Registers the first firing for a window that has none yet, aligned below `time`. */
  protected startFiring(time: number, window: Window, ctx: TriggerContext): void {
    if (ctx.getPartitionedState(this.fireTimestampDescriptor).value() === null) this.registerNextFireTimestamp(time - (time % this.interval), window, ctx);
  }

  /** Whether `time` is the window's pending firing: if so, the next one is registered. */
  protected isFireTime(time: number, window: Window, ctx: TriggerContext): boolean {
    const fireTimestamp = ctx.getPartitionedState(this.fireTimestampDescriptor);
    if (fireTimestamp.value() !== time) return false;
    fireTimestamp.clear();
    this.registerNextFireTimestamp(time, window, ctx);
    return true;
  }

  override canMerge(): boolean {
    return true;
  }

  override onMerge(_window: Window, ctx: OnMergeContext): void {
    ctx.mergePartitionedState(this.fireTimestampDescriptor, Math.min);
    const next = ctx.getPartitionedState(this.fireTimestampDescriptor).value();
    if (next !== null) this.registerTimer(ctx, next);
  }

  clear(_window: Window, ctx: TriggerContext): void {
    const fireTimestamp = ctx.getPartitionedState(this.fireTimestampDescriptor);
    const time = fireTimestamp.value();
    if (time === null) return;
    this.deleteTimer(ctx, time);
    fireTimestamp.clear();
  }

  override toString(): string {
    return `${this.constructor.name}(${this.interval})`;
  }
}

export function intervalOf(ms: number, trigger: string): number {
  if (!(ms > 0)) throw new Error(`${trigger}.of: the interval must be positive (got ${ms} ms)`);
  return ms;
}
