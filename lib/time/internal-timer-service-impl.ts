// The timer service of one keyed operator (Flink's InternalTimerServiceImpl): two priority
// queues, one per time domain. Event-time timers fire when the operator's watermark passes
// them; processing-time timers fire from one real timer, always armed for the earliest queued
// timestamp. Before each firing the timer's key becomes the current key, so the operator's
// state reads and writes that key.
import { keyIdentity, type KeyGroup } from '../exchange/key-groups.ts';
import type { InternalKeyContext } from '../state/internal-key-context.ts';
import { HeapPriorityQueueSet, timerId } from './heap-priority-queue-set.ts';
import type { InternalTimer } from './internal-timer.ts';
import type { InternalTimerService } from './internal-timer-service.ts';
import type { Cancellable, ProcessingTimeService } from './processing-time-service.ts';
import type { TimerSnapshot, TimersSnapshot } from './timers-snapshot.ts';
import type { Triggerable } from './triggerable.ts';

export class InternalTimerServiceImpl<K, N> implements InternalTimerService<N> {
  private readonly eventTimeTimers: HeapPriorityQueueSet<K, N>;
  private readonly processingTimeTimers: HeapPriorityQueueSet<K, N>;
  private watermark = Number.NEGATIVE_INFINITY;
  private triggerable?: Triggerable<K, N>;
  /** The real timer armed for the head of the processing-time queue. */
  private nextTimer?: Cancellable;

  constructor(
    /** The service's name within its operator, with the operator subtask: for errors. */
    private readonly description: string,
    private readonly keyContext: InternalKeyContext<K>,
    private readonly processingTimeService: ProcessingTimeService,
  ) {
    this.eventTimeTimers = new HeapPriorityQueueSet(keyContext.getKeyGroupRange());
    this.processingTimeTimers = new HeapPriorityQueueSet(keyContext.getKeyGroupRange());
  }

  /** Binds the operator that timers fire on, and arms the real timer for restored processing-time timers. */
  startTimerService(triggerable: Triggerable<K, N>): void {
    if (this.triggerable && this.triggerable !== triggerable) throw new Error(`${this.description}: the timer service was already started for another operator`);
    this.triggerable = triggerable;
    this.armProcessingTimer();
  }

  currentProcessingTime(): number {
    return this.processingTimeService.getCurrentProcessingTime();
  }

  currentWatermark(): number {
    return this.watermark;
  }

  registerProcessingTimeTimer(namespace: N, time: number): void {
    if (this.add(this.processingTimeTimers, namespace, time)) this.armProcessingTimer();
  }

  deleteProcessingTimeTimer(namespace: N, time: number): void {
    this.remove(this.processingTimeTimers, namespace, time);
  }

  registerEventTimeTimer(namespace: N, time: number): void {
    this.add(this.eventTimeTimers, namespace, time);
  }

  deleteEventTimeTimer(namespace: N, time: number): void {
    this.remove(this.eventTimeTimers, namespace, time);
  }

  /** Fires, in timestamp order, every event-time timer at or before `time`, including those registered while firing. */
  advanceWatermark(time: number): void {
    this.watermark = time;
    let timer = this.eventTimeTimers.peek();
    if (!timer || timer.timestamp > time) return;
    const triggerable = this.started();
    while (timer && timer.timestamp <= time) {
      this.eventTimeTimers.poll();
      this.keyContext.setCurrentKey(timer.key);
      triggerable.onEventTime(timer);
      timer = this.eventTimeTimers.peek();
    }
  }

  snapshotKeyGroup(keyGroup: KeyGroup): TimersSnapshot {
    return {
      eventTimeTimers: snapshotOf(this.eventTimeTimers.timersInKeyGroup(keyGroup)),
      processingTimeTimers: snapshotOf(this.processingTimeTimers.timersInKeyGroup(keyGroup)),
    };
  }

  /** Loads a key group's timers; restored processing-time timers are armed by startTimerService. */
  restoreKeyGroup(keyGroup: KeyGroup, snapshot: TimersSnapshot): void {
    for (const [queue, timers] of [[this.eventTimeTimers, snapshot.eventTimeTimers], [this.processingTimeTimers, snapshot.processingTimeTimers]] as const) {
      for (const [timestamp, key, namespace] of timers) {
        queue.add(timestamp, key as K, namespace as N, keyGroup, timerId(timestamp, keyIdentity(key), keyIdentity(namespace)));
      }
    }
    if (this.triggerable) this.armProcessingTimer();
  }

  /**
   * Fires every processing-time timer at or before `time`, then re-arms for the next one. A
   * timer cancelled after it was handed to the mailbox still arrives here; it fires only what
   * is due, and re-arming replaces the armed timer, so one real timer stays armed.
   */
  private onProcessingTime(time: number): void {
    const triggerable = this.started();
    let timer = this.processingTimeTimers.peek();
    while (timer && timer.timestamp <= time) {
      this.processingTimeTimers.poll();
      this.keyContext.setCurrentKey(timer.key);
      triggerable.onProcessingTime(timer);
      timer = this.processingTimeTimers.peek();
    }
    this.armProcessingTimer();
  }

  private armProcessingTimer(): void {
    this.nextTimer?.cancel();
    const head = this.processingTimeTimers.peek();
    this.nextTimer = head && this.processingTimeService.registerTimer(head.timestamp, (time) => this.onProcessingTime(time));
  }

  private add(queue: HeapPriorityQueueSet<K, N>, namespace: N, time: number): boolean {
    const { keyContext } = this;
    return queue.add(time, keyContext.getCurrentKey(), namespace, keyContext.getCurrentKeyGroupIndex(), this.idOf(namespace, time));
  }

  private remove(queue: HeapPriorityQueueSet<K, N>, namespace: N, time: number): void {
    queue.remove(this.keyContext.getCurrentKeyGroupIndex(), this.idOf(namespace, time));
  }

  private idOf(namespace: N, time: number): string {
    if (typeof time !== 'number' || Number.isNaN(time)) throw new TypeError(`${this.description}: a timer's time must be a number, got ${String(time)}`);
    return timerId(time, this.keyContext.getCurrentKeyIdentity(), keyIdentity(namespace));
  }

  private started(): Triggerable<K, N> {
    if (!this.triggerable) throw new Error(`${this.description}: timers are due but no operator started the timer service`);
    return this.triggerable;
  }
}

function snapshotOf<K, N>(timers: Iterable<InternalTimer<K, N>>): TimerSnapshot[] {
  const snapshot: TimerSnapshot[] = [];
  for (const { timestamp, key, namespace } of timers) snapshot.push([timestamp, key, namespace]);
  return snapshot;
}
