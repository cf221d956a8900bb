// Flink's GlobalWindows: every element of a key in one window that never ends. Its default
// trigger never fires, so it is used with a custom trigger (countWindow uses CountTrigger).
import { Trigger } from '../triggers/trigger.ts';
import { TriggerResult } from '../triggers/trigger-result.ts';
import { GlobalWindow } from '../windows/global-window.ts';
import { WindowAssigner } from './window-assigner.ts';

export class GlobalWindows extends WindowAssigner<unknown, GlobalWindow> {
  private constructor() {
    super();
  }

  static create(): GlobalWindows {
    return new GlobalWindows();
  }

  assignWindows(): GlobalWindow[] {
    return [GlobalWindow.get()];
  }

  getDefaultTrigger(): Trigger<unknown, GlobalWindow> {
    return new NeverTrigger();
  }

  isEventTime(): boolean {
    return false;
  }

  override toString(): string {
    return 'GlobalWindows()';
  }
}

/** Flink's GlobalWindows.NeverTrigger. */
export class NeverTrigger extends Trigger<unknown, GlobalWindow> {
  onElement(): TriggerResult {
    return TriggerResult.CONTINUE;
  }

  onEventTime(): TriggerResult {
    return TriggerResult.CONTINUE;
  }

  onProcessingTime(): TriggerResult {
    return TriggerResult.CONTINUE;
  }

  clear(): void {}

  override canMerge(): boolean {
    return true;
  }

  override onMerge(): void {}
}
