// The context the WindowOperator gives its trigger (Flink's WindowOperator.Context): the
// current key (set by the runtime) and `window`, whose namespace scopes the trigger's timers
// and partitioned state. One object is reused for every call, its window set before each.
import type { KeyedStateBackend } from '../../state/keyed-state-backend.ts';
import type { ValueState } from '../../state/value-state.ts';
import type { ValueStateDescriptor } from '../../state/value-state-descriptor.ts';
import type { InternalTimerService } from '../../time/internal-timer-service.ts';
import type { OnMergeContext, Trigger } from '../../windowing/triggers/trigger.ts';
import type { TriggerResult } from '../../windowing/triggers/trigger-result.ts';
import type { Window } from '../../windowing/windows/window.ts';
import type { StreamRecord } from '../stream-record.ts';
import { MIN_WATERMARK } from '../watermark.ts';

export class WindowTriggerContext<IN, W extends Window> implements OnMergeContext {
  window!: W;
  /** The windows merged into `window`, during onMerge. */
  private mergedWindows: readonly W[] = [];

  constructor(
    private readonly trigger: Trigger<IN, W>,
    private readonly backend: KeyedStateBackend<unknown>,
    private readonly timerService: InternalTimerService<W>,
  ) {}

  getCurrentProcessingTime(): number {
    return this.timerService.currentProcessingTime();
  }

  getCurrentWatermark(): number {
    return this.timerService.currentWatermark();
  }

  registerProcessingTimeTimer(time: number): void {
    this.timerService.registerProcessingTimeTimer(this.window, time);
  }

  registerEventTimeTimer(time: number): void {
    this.timerService.registerEventTimeTimer(this.window, time);
  }

  deleteProcessingTimeTimer(time: number): void {
    this.timerService.deleteProcessingTimeTimer(this.window, time);
  }

  deleteEventTimeTimer(time: number): void {
    this.timerService.deleteEventTimeTimer(this.window, time);
  }

  getPartitionedState<T>(descriptor: ValueStateDescriptor<T>): ValueState<T> {
    return this.backend.getPartitionedState(this.window, descriptor);
  }

  mergePartitionedState<T>(descriptor: ValueStateDescriptor<T>, merge: (a: T, b: T) => T): void {
    const state = this.backend.getOrCreateKeyedState<W, ValueStateDescriptor<T>>(descriptor);
    let merged: T | null = null;
    for (const window of this.mergedWindows) {
      state.setCurrentNamespace(window);
      const value = state.value();
      state.clear();
      if (value !== null) merged = merged === null ? value : merge(merged, value);
    }
    state.setCurrentNamespace(this.window);
    if (merged === null) return;
    const current = state.value();
    state.update(current === null ? merged : merge(current, merged));
  }

  onElement(record: StreamRecord<IN>): TriggerResult {
    return this.trigger.onElement(record.value, record.timestamp ?? MIN_WATERMARK, this.window, this);
  }

  onEventTime(time: number): TriggerResult {
    return this.trigger.onEventTime(time, this.window, this);
  }

  onProcessingTime(time: number): TriggerResult {
    return this.trigger.onProcessingTime(time, this.window, this);
  }

  onMerge(mergedWindows: readonly W[]): void {
    this.mergedWindows = mergedWindows;
    try {
      this.trigger.onMerge(this.window, this);
    } finally {
      this.mergedWindows = [];
    }
  }

  clear(): void {
    this.trigger.clear(this.window, this);
  }
}
