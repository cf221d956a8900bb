// Flink's CountTrigger: fires every `maxCount` elements of a window. The count is per-window
// state, summed when windows merge.
import { ValueStateDescriptor } from '../../state/value-state-descriptor.ts';
import type { Window } from '../windows/window.ts';
import { Trigger, type OnMergeContext, type TriggerContext } from './trigger.ts';
import { TriggerResult } from './trigger-result.ts';

export class CountTrigger extends Trigger<unknown, Window> {
  private readonly countDescriptor = new ValueStateDescriptor<number>('count', 0);

  private constructor(private readonly maxCount: number) {
    super();
  }

  static of(maxCount: number): CountTrigger {
    if (!Number.isInteger(maxCount) || maxCount < 1) throw new Error(`CountTrigger.of: the count must be a positive integer (got ${maxCount})`);
    return new CountTrigger(maxCount);
  }

  onElement(_element: unknown, _timestamp: number, _window: Window, ctx: TriggerContext): TriggerResult {
    const count = ctx.getPartitionedState(this.countDescriptor);
    const next = count.value()! + 1;
    if (next >= this.maxCount) {
      count.clear();
      return TriggerResult.FIRE;
    }
    count.update(next);
    return TriggerResult.CONTINUE;
  }

  onEventTime(): TriggerResult {
    return TriggerResult.CONTINUE;
  }

  onProcessingTime(): TriggerResult {
    return TriggerResult.CONTINUE;
  }

  override canMerge(): boolean {
    return true;
  }

  override onMerge(_window: Window, ctx: OnMergeContext): void {
    ctx.mergePartitionedState(this.countDescriptor, (a, b) => a + b);
  }

  clear(_window: Window, ctx: TriggerContext): void {
    ctx.getPartitionedState(this.countDescriptor).clear();
  }

  override toString(): string {
    return `CountTrigger(${this.maxCount})`;
  }
}
