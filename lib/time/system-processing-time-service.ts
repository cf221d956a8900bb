// The ProcessingTimeService on the real clock (Flink's SystemProcessingTimeService). A timer
// does not call back from the timer queue: it hands the callback to `schedule`, which the task
// points at its mailbox, so a processing-time timer never interleaves with a record.
import type { Cancellable, ProcessingTimeService } from './processing-time-service.ts';

/** setTimeout fires at once beyond this delay (2^31 - 1 ms, about 24.8 days): longer waits re-arm. */
const MAX_TIMEOUT_MS = 2 ** 31 - 1;

export class SystemProcessingTimeService implements ProcessingTimeService {
  private readonly pending = new Set<NodeJS.Timeout>();
  private shutdown = false;

  constructor(private readonly schedule: (action: () => void) => void) {}

  getCurrentProcessingTime(): number {
    return Date.now();
  }

  registerTimer(timestamp: number, callback: (timestamp: number) => void): Cancellable {
    let handle: NodeJS.Timeout | undefined;
    const arm = (): void => {
      if (this.shutdown) return;
      const delay = timestamp - Date.now();
      handle = setTimeout(() => {
        this.pending.delete(handle!);
        if (delay > MAX_TIMEOUT_MS) arm();
        else this.schedule(() => {
          if (!this.shutdown) callback(timestamp);
        });
      }, Math.min(Math.max(delay, 0), MAX_TIMEOUT_MS));
      this.pending.add(handle);
    };
    arm();
    return {
      cancel: () => {
        if (handle === undefined) return;
        clearTimeout(handle);
        this.pending.delete(handle);
      },
    };
  }

  shutdownService(): void {
    this.shutdown = true;
    for (const handle of this.pending) clearTimeout(handle);
    this.pending.clear();
  }
}
