// The TimerService of a process function on a stream that is not keyed (Flink's
// ProcessOperator.ContextImpl): it tells the time, but timers need a key, so setting or
// deleting one fails with Flink's message and the operator's name.
import type { TimerService } from '../functions/timer-service.ts';
import type { ProcessingTimeService } from '../time/processing-time-service.ts';

export class NonKeyedTimerService implements TimerService {
  constructor(
    private readonly processingTimeService: ProcessingTimeService,
    private readonly watermark: () => number,
    /** The operator, for errors. */
    private readonly description: string,
  ) {}

  currentProcessingTime(): number {
    return this.processingTimeService.getCurrentProcessingTime();
  }

  currentWatermark(): number {
    return this.watermark();
  }

  registerProcessingTimeTimer(): void {
    this.unsupported('Setting');
  }

  registerEventTimeTimer(): void {
    this.unsupported('Setting');
  }

  deleteProcessingTimeTimer(): void {
    this.unsupported('Deleting');
  }

  deleteEventTimeTimer(): void {
    this.unsupported('Deleting');
  }

  private unsupported(action: string): never {
    throw new Error(`${this.description}: ${action} timers is only supported on a keyed streams.`);
  }
}
