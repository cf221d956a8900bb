// Flink's TestProcessingTimeService: a clock the test moves. Timers due when it moves are
// handed, in timestamp order, to `schedule` (the harness's mailbox), as the real service does.
import type { Cancellable, ProcessingTimeService } from '../../../lib/time/processing-time-service.ts';

interface PendingTimer {
  timestamp: number;
  callback: (timestamp: number) => void;
  cancelled: boolean;
}

export class TestProcessingTimeService implements ProcessingTimeService {
  private readonly timers: PendingTimer[] = [];
  private shutdown = false;

  constructor(
    private currentTime: number,
    private readonly schedule: (action: () => void) => void,
  ) {}

  getCurrentProcessingTime(): number {
    return this.currentTime;
  }

  registerTimer(timestamp: number, callback: (timestamp: number) => void): Cancellable {
    const timer: PendingTimer = { timestamp, callback, cancelled: false };
    if (!this.shutdown) this.timers.push(timer);
    this.fireDue();
    return { cancel: () => { timer.cancelled = true; } };
  }

  /** Moves the clock to `time`; the timers due by then go to the mailbox. */
  setCurrentTime(time: number): void {
    if (time < this.currentTime) throw new Error(`the processing-time clock cannot go back from ${this.currentTime} to ${time}`);
    this.currentTime = time;
    this.fireDue();
  }

  /** Timers registered and neither fired nor cancelled. */
  get pendingTimers(): number {
    return this.timers.filter((timer) => !timer.cancelled).length;
  }

  shutdownService(): void {
    this.shutdown = true;
    this.timers.length = 0;
  }

  private fireDue(): void {
    const due = this.timers.filter((timer) => timer.timestamp <= this.currentTime).sort((a, b) => a.timestamp - b.timestamp);
    for (const timer of due) {
      this.timers.splice(this.timers.indexOf(timer), 1);
      if (!timer.cancelled) this.schedule(() => { if (!timer.cancelled && !this.shutdown) timer.callback(timer.timestamp); });
    }
  }
}
