// Flink's ContinuousEventTimeTrigger: fires an event-time window every `interval` of event
// time (early results), and once more at its end.
import { milliseconds, type TimeLength } from '../time-length.ts';
import type { Window } from '../windows/window.ts';
import { ContinuousTrigger, intervalOf } from './continuous-trigger.ts';
import type { TriggerContext } from './trigger.ts';
import { TriggerResult } from './trigger-result.ts';

export class ContinuousEventTimeTrigger extends ContinuousTrigger {
  static of(interval: TimeLength): ContinuousEventTimeTrigger {
    return new ContinuousEventTimeTrigger(intervalOf(milliseconds(interval, 'ContinuousEventTimeTrigger.of'), 'ContinuousEventTimeTrigger'));
  }

  onElement(_element: unknown, timestamp: number, window: Window, ctx: TriggerContext): TriggerResult {
    // The watermark is already past the window: fire at once.
    if (window.maxTimestamp() <= ctx.getCurrentWatermark()) return TriggerResult.FIRE;
    ctx.registerEventTimeTimer(window.maxTimestamp());
    this.startFiring(timestamp, window, ctx);
    return TriggerResult.CONTINUE;
  }

  onEventTime(time: number, window: Window, ctx: TriggerContext): TriggerResult {
    if (time === window.maxTimestamp()) return TriggerResult.FIRE;
    return this.isFireTime(time, window, ctx) ? TriggerResult.FIRE : TriggerResult.CONTINUE;
  }

  onProcessingTime(): TriggerResult {
    return TriggerResult.CONTINUE;
  }

  protected registerTimer(ctx: TriggerContext, time: number): void {
    ctx.registerEventTimeTimer(time);
  }

  protected deleteTimer(ctx: TriggerContext, time: number): void {
    ctx.deleteEventTimeTimer(time);
  }
}
