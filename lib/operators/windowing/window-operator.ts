// Flink's WindowOperator: assigns each record of a keyed stream to windows, keeps each
// window's contents in keyed state with the window as namespace, asks the trigger what to do
// on every element and timer, and on FIRE gives the contents to the window function, whose
// results carry the window's last timestamp (end - 1). Timers live in the operator's timer
// service ("window-timers"), merging windows' state windows in keyed state: everything is
// per key group, so a checkpoint takes it all.
//
// Lateness (event time only): a window is late once the watermark passes its cleanup time,
// end - 1 + allowedLateness; then its state is dropped, and a record that falls only into late
// windows goes to the late-data side output, or is dropped and counted in numLateRecordsDropped.
import type { OutputTag } from '../../functions/output-tag.ts';
import type { ProcessWindowFunction } from '../../functions/process-window-function.ts';
import type { ValueState } from '../../state/value-state.ts';
import { ValueStateDescriptor } from '../../state/value-state-descriptor.ts';
import { VoidNamespace } from '../../state/void-namespace.ts';
import type { InternalTimer } from '../../time/internal-timer.ts';
import type { InternalTimerService } from '../../time/internal-timer-service.ts';
import type { Triggerable } from '../../time/triggerable.ts';
import { isMergingWindowAssigner, type MergingWindowAssigner, type WindowAssigner, type WindowAssignerContext } from '../../windowing/assigners/window-assigner.ts';
import type { Trigger } from '../../windowing/triggers/trigger.ts';
import type { TriggerResult } from '../../windowing/triggers/trigger-result.ts';
import type { Window } from '../../windowing/windows/window.ts';
import { AbstractUdfStreamOperator } from '../abstract-udf-stream-operator.ts';
import type { OneInputStreamOperator, OperatorContext, Output } from '../stream-operator.ts';
import type { StreamRecord } from '../stream-record.ts';
import { MAX_WATERMARK } from '../watermark.ts';
import { MergingWindowSet, type MergingWindowMapping } from './merging-window-set.ts';
import { WindowContents, type WindowAccumulation } from './window-contents.ts';
import { WindowProcessContext } from './window-process-context.ts';
import { WindowTriggerContext } from './window-trigger-context.ts';

export interface WindowOperatorSpec<IN, ACC, V, W extends Window> {
  windowAssigner: WindowAssigner<IN, W>;
  /** How a window's elements accumulate, and what the function is given. */
  accumulation: WindowAccumulation<IN, ACC, V>;
  trigger: Trigger<IN, W>;
  /** In ms; only event-time windows have lateness. */
  allowedLateness: number;
  /** Where records too late for every window go; absent: they are dropped and counted. */
  lateDataOutputTag?: OutputTag<IN>;
}

export class WindowOperator<IN, ACC, V, OUT, W extends Window>
  extends AbstractUdfStreamOperator<ProcessWindowFunction<V, OUT, unknown, W>, OUT>
  implements OneInputStreamOperator<IN, OUT>, Triggerable<unknown, W>
{
  private readonly windowAssigner: WindowAssigner<IN, W>;
  private readonly trigger: Trigger<IN, W>;
  private readonly allowedLateness: number;
  private readonly lateDataOutputTag?: OutputTag<IN>;
  private readonly accumulation: WindowAccumulation<IN, ACC, V>;
  protected windowState!: WindowContents<IN, ACC, V>;
  protected triggerContext!: WindowTriggerContext<IN, W>;
  private processContext!: WindowProcessContext<W>;
  private timerService!: InternalTimerService<W>;
  /** Set for merging windows (sessions), with the keyed state of their MergingWindowSet. */
  private readonly mergingAssigner?: MergingWindowAssigner<IN, W>;
  private mergingWindowsState?: ValueState<MergingWindowMapping<W>>;
  private readonly assignerContext: WindowAssignerContext = { getCurrentProcessingTime: () => this.timerService.currentProcessingTime() };
  private lateRecordsDropped = 0;

  constructor(spec: WindowOperatorSpec<IN, ACC, V, W>, windowFunction: ProcessWindowFunction<V, OUT, unknown, W>) {
    super(windowFunction);
    if (!(spec.allowedLateness >= 0)) throw new Error(`The allowed lateness cannot be negative (got ${spec.allowedLateness} ms)`);
    this.windowAssigner = spec.windowAssigner;
    this.trigger = spec.trigger;
    this.allowedLateness = spec.allowedLateness;
    this.accumulation = spec.accumulation;
    if (isMergingWindowAssigner(spec.windowAssigner)) this.mergingAssigner = spec.windowAssigner;
    if (spec.lateDataOutputTag) this.lateDataOutputTag = spec.lateDataOutputTag;
  }

  /** Flink's metric numLateRecordsDropped: records that fell only into late windows, with no side output to go to. */
  get numLateRecordsDropped(): number {
    return this.lateRecordsDropped;
  }

  override async open(context: OperatorContext, output: Output<OUT>): Promise<void> {
    await super.open(context, output);
    const backend = this.getKeyedStateBackend();
    this.timerService = this.getInternalTimerService<W>('window-timers', this);
    this.windowState = new WindowContents(backend, this.accumulation);
    this.triggerContext = new WindowTriggerContext(this.trigger, backend, this.timerService);
    this.processContext = new WindowProcessContext(backend, this.timerService, output);
    if (this.mergingAssigner) {
      this.mergingWindowsState = backend.getPartitionedState(VoidNamespace, new ValueStateDescriptor<MergingWindowMapping<W>>('merging-window-set'));
    }
  }

  processElement(record: StreamRecord<IN>): void {
    const elementWindows = this.windowAssigner.assignWindows(record.value, record.timestamp, this.assignerContext);
    // Whether the record fell only into windows that are already late.
    let isSkippedElement = true;
    if (this.mergingWindowsState) {
      const mergingWindows = this.getMergingWindowSet();
      for (const window of elementWindows) {
        const actualWindow = mergingWindows.addWindow(window, (mergeResult, mergedWindows, stateWindowResult, mergedStateWindows) => {
          this.checkMergeResult(mergeResult);
          this.triggerContext.window = mergeResult;
          this.triggerContext.onMerge(mergedWindows);
          for (const merged of mergedWindows) {
            this.triggerContext.window = merged;
            this.triggerContext.clear();
            this.deleteCleanupTimer(merged);
          }
          this.windowState.mergeNamespaces(stateWindowResult, mergedStateWindows);
        });
        // Dropped if it is late: it may have been merged into a window that is late as a whole.
        if (this.isWindowLate(actualWindow)) {
          mergingWindows.retireWindow(actualWindow);
          continue;
        }
        isSkippedElement = false;
        const stateWindow = mergingWindows.getStateWindow(actualWindow);
        if (stateWindow === undefined) throw new Error(`${this.describe()}: window ${actualWindow} is not in the merging window set`);
        this.windowState.setCurrentNamespace(stateWindow);
        this.windowState.add(record.value, record.timestamp);
        this.onElementInWindow(actualWindow, record);
      }
      mergingWindows.persist();
    } else {
      for (const window of elementWindows) {
        if (this.isWindowLate(window)) continue;
        isSkippedElement = false;
        this.windowState.setCurrentNamespace(window);
        this.windowState.add(record.value, record.timestamp);
        this.onElementInWindow(window, record);
      }
    }
    if (isSkippedElement && this.isElementLate(record)) {
      if (this.lateDataOutputTag) this.output.collectSide(this.lateDataOutputTag, record);
      else this.lateRecordsDropped++;
    }
  }

  onEventTime(timer: InternalTimer<unknown, W>): void {
    this.onTimer(timer, (window) => { this.triggerContext.window = window; return this.triggerContext.onEventTime(timer.timestamp); }, this.windowAssigner.isEventTime());
  }

  onProcessingTime(timer: InternalTimer<unknown, W>): void {
    this.onTimer(timer, (window) => { this.triggerContext.window = window; return this.triggerContext.onProcessingTime(timer.timestamp); }, !this.windowAssigner.isEventTime());
  }

  /** The trigger's decision for a window the record was just added to (its namespace is current). */
  private onElementInWindow(window: W, record: StreamRecord<IN>): void {
    this.triggerContext.window = window;
    this.applyTriggerResult(window, this.triggerContext.onElement(record));
    this.registerCleanupTimer(window);
  }

  /** A timer of `window`: the trigger decides, and a timer at the window's cleanup time in the window's own time domain drops it. */
  private onTimer(timer: InternalTimer<unknown, W>, triggerDecision: (window: W) => TriggerResult, inWindowTimeDomain: boolean): void {
    const window = timer.namespace;
    let mergingWindows: MergingWindowSet<W> | undefined;
    if (this.mergingWindowsState) {
      mergingWindows = this.getMergingWindowSet();
      const stateWindow = mergingWindows.getStateWindow(window);
      // A timer of a window that was merged away or purged: its trigger had no chance to delete it.
      if (stateWindow === undefined) return;
      this.windowState.setCurrentNamespace(stateWindow);
    } else {
      this.windowState.setCurrentNamespace(window);
    }
    this.applyTriggerResult(window, triggerDecision(window));
    if (inWindowTimeDomain && timer.timestamp === this.cleanupTime(window)) this.clearAllState(window, mergingWindows);
    mergingWindows?.persist();
  }

  private applyTriggerResult(window: W, result: TriggerResult): void {
    if (result.isFire()) {
      const contents = this.windowState.get();
      if (contents !== null) this.emitWindowContents(window, contents);
    }
    if (result.isPurge()) this.windowState.clear();
  }

  /** Evaluates the window function on the contents (of the current namespace); results carry the window's last timestamp. */
  protected emitWindowContents(window: W, contents: ACC): void {
    this.evaluate(window, this.windowState.accumulation.result(contents));
  }

  protected evaluate(window: W, elements: V[]): void {
    this.collector.setAbsoluteTimestamp(window.maxTimestamp());
    this.userFunction.process(this.getCurrentKey(), this.processContext.setWindow(window), elements, this.collector);
  }

  /** Drops everything of a window that is past its cleanup time: contents, trigger state, the function's per-window state. */
  private clearAllState(window: W, mergingWindows: MergingWindowSet<W> | undefined): void {
    this.windowState.clear();
    this.triggerContext.window = window;
    this.triggerContext.clear();
    this.userFunction.clear(this.processContext.setWindow(window));
    if (mergingWindows) {
      mergingWindows.retireWindow(window);
      mergingWindows.persist();
    }
  }

  private getMergingWindowSet(): MergingWindowSet<W> {
    return new MergingWindowSet(this.mergingAssigner!, this.mergingWindowsState!);
  }

  /** Merging must not move a window's end before the current time: its firing would be lost. */
  private checkMergeResult(mergeResult: W): void {
    if (this.windowAssigner.isEventTime()) {
      const watermark = this.timerService.currentWatermark();
      if (mergeResult.maxTimestamp() + this.allowedLateness <= watermark) {
        throw new Error(`${this.describe()}: The end timestamp of an event-time window cannot become earlier than the current watermark by merging. Current watermark: ${watermark} window: ${mergeResult}`);
      }
    } else {
      const now = this.timerService.currentProcessingTime();
      if (mergeResult.maxTimestamp() <= now) {
        throw new Error(`${this.describe()}: The end timestamp of a processing-time window cannot become earlier than the current processing time by merging. Current processing time: ${now} window: ${mergeResult}`);
      }
    }
  }

  /** An event-time window whose cleanup time the watermark has reached: its state is gone. */
  private isWindowLate(window: W): boolean {
    return this.windowAssigner.isEventTime() && this.cleanupTime(window) <= this.timerService.currentWatermark();
  }

  private isElementLate(record: StreamRecord<IN>): boolean {
    return this.windowAssigner.isEventTime() && record.timestamp !== undefined && record.timestamp + this.allowedLateness <= this.timerService.currentWatermark();
  }

  /** When a window's state is dropped: end - 1 + allowedLateness in event time, end - 1 in processing time; never for a global window. */
  private cleanupTime(window: W): number {
    return this.windowAssigner.isEventTime() ? window.maxTimestamp() + this.allowedLateness : window.maxTimestamp();
  }

  private registerCleanupTimer(window: W): void {
    const time = this.cleanupTime(window);
    if (time === MAX_WATERMARK) return;
    this.triggerContext.window = window;
    if (this.windowAssigner.isEventTime()) this.triggerContext.registerEventTimeTimer(time);
    else this.triggerContext.registerProcessingTimeTimer(time);
  }

  private deleteCleanupTimer(window: W): void {
    const time = this.cleanupTime(window);
    if (time === MAX_WATERMARK) return;
    this.triggerContext.window = window;
    if (this.windowAssigner.isEventTime()) this.triggerContext.deleteEventTimeTimer(time);
    else this.triggerContext.deleteProcessingTimeTimer(time);
  }

  private describe(): string {
    const runtimeContext = this.context.runtimeContext;
    return `${runtimeContext.getTaskName()} (${runtimeContext.getIndexOfThisSubtask() + 1}/${runtimeContext.getNumberOfParallelSubtasks()})`;
  }
}
