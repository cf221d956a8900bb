// The context a process function gets (Flink's ContextImpl and OnTimerContextImpl of the
// process operators, as one class): the timestamp of the record being processed or of the
// firing timer, the operator's TimerService, side outputs and, on a keyed stream, the key.
// It sets the operator's collector to that timestamp as well, so what the function emits
// carries it.
import type { Collector } from '../functions/functions.ts';
import type { OutputTag } from '../functions/output-tag.ts';
import type { KeyedProcessFunction } from '../functions/keyed-process-function.ts';
import { TimeDomain, type TimerService } from '../functions/timer-service.ts';
import type { InternalTimer } from '../time/internal-timer.ts';
import type { KeyContext, Output } from './stream-operator.ts';
import { StreamRecord } from './stream-record.ts';
import type { TimestampedCollector } from './timestamped-collector.ts';

/** The part of a process function that timers call. */
export interface TimerCallback<K, OUT> {
  onTimer?(timestamp: number, ctx: ProcessContext<K, OUT>, out: Collector<OUT>): void;
}

export class ProcessContext<K, OUT> implements KeyedProcessFunction.OnTimerContext<K> {
  private currentTimestamp: number | undefined;
  private domain?: TimeDomain;

  constructor(
    private readonly out: Output<OUT>,
    private readonly collector: TimestampedCollector<OUT>,
    private readonly timers: TimerService,
    /** The operator, on a keyed stream. */
    private readonly keyContext?: KeyContext,
  ) {}

  /** The record about to be processed: its timestamp is the context's and the collector's. */
  setElement(record: StreamRecord<unknown>): void {
    this.collector.setTimestampFrom(record);
    this.currentTimestamp = record.timestamp;
    this.domain = undefined;
  }

  /**
   * Calls the function's `onTimer` for a firing timer (its key is already current). What it
   * emits carries the timer's timestamp in event time, and none in processing time.
   */
  fireTimer(timer: InternalTimer<unknown, unknown>, domain: TimeDomain, fn: TimerCallback<K, OUT>): void {
    if (typeof fn.onTimer !== 'function') return;
    if (domain === TimeDomain.EVENT_TIME) this.collector.setAbsoluteTimestamp(timer.timestamp);
    else this.collector.eraseTimestamp();
    this.currentTimestamp = timer.timestamp;
    this.domain = domain;
    try {
      fn.onTimer(timer.timestamp, this, this.collector);
    } finally {
      this.domain = undefined;
    }
  }

  timestamp(): number | undefined {
    return this.currentTimestamp;
  }

  timerService(): TimerService {
    return this.timers;
  }

  output<X>(tag: OutputTag<X>, value: X): void {
    if (tag == null) throw new Error('OutputTag must not be null.');
    this.out.collectSide(tag, new StreamRecord(value, this.currentTimestamp));
  }

  timeDomain(): TimeDomain {
    if (!this.domain) throw new Error('timeDomain() is only known in onTimer');
    return this.domain;
  }

  getCurrentKey(): K {
    if (!this.keyContext) throw new Error('getCurrentKey() needs a keyed stream (use keyBy first)');
    return this.keyContext.getCurrentKey() as K;
  }
}
