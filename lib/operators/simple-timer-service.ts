// Flink's SimpleTimerService: the TimerService of a keyed process function, over the operator's
// internal timer service in no namespace. Its timers are the operator's, in the timer-service
// seam, so a checkpoint takes them with the key groups.
import type { TimerService } from '../functions/timer-service.ts';
import { VoidNamespace } from '../state/void-namespace.ts';
import type { InternalTimerService } from '../time/internal-timer-service.ts';

export class SimpleTimerService implements TimerService {
  constructor(private readonly internalTimerService: InternalTimerService<VoidNamespace>) {}

  currentProcessingTime(): number {
    return this.internalTimerService.currentProcessingTime();
  }

  currentWatermark(): number {
    return this.internalTimerService.currentWatermark();
  }

  registerProcessingTimeTimer(time: number): void {
    this.internalTimerService.registerProcessingTimeTimer(VoidNamespace, time);
  }

  registerEventTimeTimer(time: number): void {
    this.internalTimerService.registerEventTimeTimer(VoidNamespace, time);
  }

  deleteProcessingTimeTimer(time: number): void {
    this.internalTimerService.deleteProcessingTimeTimer(VoidNamespace, time);
  }

  deleteEventTimeTimer(time: number): void {
    this.internalTimerService.deleteEventTimeTimer(VoidNamespace, time);
  }
}
