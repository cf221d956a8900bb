// Flink's ContinuousProcessingTimeTrigger: fires a window every `interval` of processing time.
import { milliseconds, type TimeLength } from '../time-length.ts';
import type { Window } from '../windows/window.ts';
import { ContinuousTrigger, intervalOf } from './continuous-trigger.ts';
import type { TriggerContext } from './trigger.ts';
import { TriggerResult } from './trigger-result.ts';

export class ContinuousProcessingTimeTrigger extends ContinuousTrigger {
  static of(interval: TimeLength): ContinuousProcessingTimeTrigger {
    return new ContinuousProcessingTimeTrigger(intervalOf(milliseconds(interval, 'ContinuousProcessingTimeTrigger.of'), 'ContinuousProcessingTimeTrigger'));
  }

  onElement(_element: unknown, _timestamp: number, window: Window, ctx: TriggerContext): TriggerResult {
    this.startFiring(ctx.getCurrentProcessingTime(), window, ctx);
    return TriggerResult.CONTINUE;
  }

  onEventTime(): TriggerResult {
    return TriggerResult.CONTINUE;
  }

  onProcessingTime(time: number, window: Window, ctx: TriggerContext): TriggerResult {
    return this.isFireTime(time, window, ctx) ? TriggerResult.FIRE : TriggerResult.CONTINUE;
  }

  protected registerTimer(ctx: TriggerContext, time: number): void {
    ctx.registerProcessingTimeTimer(time);
  }

  protected deleteTimer(ctx: TriggerContext, time: number): void {
    ctx.deleteProcessingTimeTimer(time);
  }
}
