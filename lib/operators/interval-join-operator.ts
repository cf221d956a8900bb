// Flink's IntervalJoinOperator: joins the records of two keyed inputs whose timestamps lie
// within bounds of each other, `left.ts + lowerBound <= right.ts <= left.ts + upperBound`.
// Each input's records wait in keyed state, grouped by timestamp, until the watermark passes
// the last timestamp the other input could still join them with; an event-time timer per
// timestamp then removes them. A record behind the watermark is late: a partner it should
// meet may already be gone, so it is dropped and counted in numLateRecordsDropped, or sent to
// its input's late-data side output when one is set (newer Flink's sideOutputLeftLateData /
// sideOutputRightLateData).
import type { Collector } from '../functions/functions.ts';
import type { OutputTag } from '../functions/output-tag.ts';
import type { ProcessJoinFunction, ProcessJoinFunctionContext } from '../functions/process-join-function.ts';
import type { ValueState } from '../state/value-state.ts';
import { ValueStateDescriptor } from '../state/value-state-descriptor.ts';
import type { InternalTimer } from '../time/internal-timer.ts';
import type { InternalTimerService } from '../time/internal-timer-service.ts';
import type { Triggerable } from '../time/triggerable.ts';
import { AbstractUdfStreamOperator } from './abstract-udf-stream-operator.ts';
import type { OperatorContext, Output, TwoInputStreamOperator } from './stream-operator.ts';
import { StreamRecord } from './stream-record.ts';

/**
 * One input's buffered records of the current key, by timestamp (Flink keeps a MapState<Long,
 * List<…>>). A plain object, so that a state snapshot in any encoding restores it as it was.
 */
type Buffer<T> = Record<string, T[]>;

type CleanupNamespace = typeof CLEANUP_NAMESPACE_LEFT | typeof CLEANUP_NAMESPACE_RIGHT;

// Flink's names for the buffers and the cleanup timers' namespaces.
const LEFT_BUFFER = 'LEFT_BUFFER';
const RIGHT_BUFFER = 'RIGHT_BUFFER';
const CLEANUP_NAMESPACE_LEFT = 'CLEANUP_LEFT';
const CLEANUP_NAMESPACE_RIGHT = 'CLEANUP_RIGHT';

export type ProcessJoinCall<IN1, IN2, OUT> = Pick<ProcessJoinFunction<IN1, IN2, OUT>, 'processElement'>;

/** Where each input's late records go; absent: dropped. */
export interface LateDataOutputTags<IN1, IN2> {
  left?: OutputTag<IN1>;
  right?: OutputTag<IN2>;
}

export class IntervalJoinOperator<K, IN1, IN2, OUT>
  extends AbstractUdfStreamOperator<ProcessJoinCall<IN1, IN2, OUT>, OUT>
  implements TwoInputStreamOperator<IN1, IN2, OUT>, Triggerable<K, CleanupNamespace>
{
  /** Inclusive bounds: an exclusive bound is moved 1 ms inwards. */
  private readonly lowerBound: number;
  private readonly upperBound: number;
  private leftBuffer!: ValueState<Buffer<IN1>>;
  private rightBuffer!: ValueState<Buffer<IN2>>;
  private timerService!: InternalTimerService<CleanupNamespace>;
  private joinContext!: JoinContext;
  private lateRecordsDropped = 0;

  constructor(
    lowerBound: number,
    upperBound: number,
    lowerBoundInclusive: boolean,
    upperBoundInclusive: boolean,
    userFunction: ProcessJoinCall<IN1, IN2, OUT>,
    private readonly lateDataOutputTags: LateDataOutputTags<IN1, IN2> = {},
  ) {
    super(userFunction);
    [this.lowerBound, this.upperBound] = inclusiveBounds('Interval Join', lowerBound, upperBound, lowerBoundInclusive, upperBoundInclusive);
  }

  /** Flink's metric numLateRecordsDropped: late records with no side output to go to. */
  get numLateRecordsDropped(): number {
    return this.lateRecordsDropped;
  }

  override async open(context: OperatorContext, output: Output<OUT>): Promise<void> {
    await super.open(context, output);
    // Fetched once: a ValueState in no namespace follows the current key by itself.
    this.leftBuffer = this.getPartitionedState(new ValueStateDescriptor<Buffer<IN1>>(LEFT_BUFFER));
    this.rightBuffer = this.getPartitionedState(new ValueStateDescriptor<Buffer<IN2>>(RIGHT_BUFFER));
    this.timerService = this.getInternalTimerService('IntervalJoinOperator', this);
    this.joinContext = new JoinContext(output);
  }

  processElement1(record: StreamRecord<IN1>): void {
    const ourTimestamp = this.timestampOf(record, 'left');
    if (this.isLate(ourTimestamp)) return this.sideOutputLate(this.lateDataOutputTags.left, record);
    addToBuffer(this.leftBuffer, record.value, ourTimestamp);
    forEachInRange(this.rightBuffer, ourTimestamp + this.lowerBound, ourTimestamp + this.upperBound, (right, rightTimestamp) =>
      this.collect(record.value, right, ourTimestamp, rightTimestamp));
    this.timerService.registerEventTimeTimer(CLEANUP_NAMESPACE_LEFT, this.upperBound > 0 ? ourTimestamp + this.upperBound : ourTimestamp);
  }

  processElement2(record: StreamRecord<IN2>): void {
    const ourTimestamp = this.timestampOf(record, 'right');
    if (this.isLate(ourTimestamp)) return this.sideOutputLate(this.lateDataOutputTags.right, record);
    addToBuffer(this.rightBuffer, record.value, ourTimestamp);
    forEachInRange(this.leftBuffer, ourTimestamp - this.upperBound, ourTimestamp - this.lowerBound, (left, leftTimestamp) =>
      this.collect(left, record.value, leftTimestamp, ourTimestamp));
    this.timerService.registerEventTimeTimer(CLEANUP_NAMESPACE_RIGHT, this.lowerBound < 0 ? ourTimestamp - this.lowerBound : ourTimestamp);
  }

  /** The watermark passed the last timestamp that could still join the buffered records of one timestamp. */
  onEventTime(timer: InternalTimer<K, CleanupNamespace>): void {
    if (timer.namespace === CLEANUP_NAMESPACE_LEFT) {
      removeFromBuffer(this.leftBuffer, this.upperBound <= 0 ? timer.timestamp : timer.timestamp - this.upperBound);
    } else {
      removeFromBuffer(this.rightBuffer, this.lowerBound <= 0 ? timer.timestamp + this.lowerBound : timer.timestamp);
    }
  }

  onProcessingTime(): void {}

  private collect(left: IN1, right: IN2, leftTimestamp: number, rightTimestamp: number): void {
    const ctx = this.joinContext.update(leftTimestamp, rightTimestamp);
    const collector = this.collector;
    collector.setAbsoluteTimestamp(ctx.getTimestamp());
    this.userFunction.processElement(left, right, ctx, collector as Collector<OUT>);
  }

  private sideOutputLate<T>(tag: OutputTag<T> | undefined, record: StreamRecord<T>): void {
    if (tag) this.output.collectSide(tag, record);
    else this.lateRecordsDropped++;
  }

  private isLate(timestamp: number): boolean {
    return timestamp < this.timerService.currentWatermark();
  }

  private timestampOf(record: StreamRecord<unknown>, side: 'left' | 'right'): number {
    if (record.timestamp !== undefined) return record.timestamp;
    const { operatorName, runtimeContext } = this.context;
    throw new Error(
      `operator "${operatorName}" in ${runtimeContext.getTaskName()} (${runtimeContext.getIndexOfThisSubtask() + 1}/${runtimeContext.getNumberOfParallelSubtasks()}): ` +
        `a ${side} record has no timestamp; an interval join needs event-time timestamps (assign them at the source or with assignTimestampsAndWatermarks)`,
    );
  }
}

/** The bounds with an exclusive one moved 1 ms inwards; they must leave an interval (Flink: "lowerBound <= upperBound"). */
export function inclusiveBounds(place: string, lowerBound: number, upperBound: number, lowerBoundInclusive: boolean, upperBoundInclusive: boolean): [number, number] {
  const lower = lowerBoundInclusive ? lowerBound : lowerBound + 1;
  const upper = upperBoundInclusive ? upperBound : upperBound - 1;
  if (lower > upper) {
    throw new Error(`${place}: the bounds ${lowerBound} ms (${lowerBoundInclusive ? 'inclusive' : 'exclusive'}) to ${upperBound} ms (${upperBoundInclusive ? 'inclusive' : 'exclusive'}) leave no interval`);
  }
  return [lower, upper];
}

/** The ProcessJoinFunction's Context (Flink's IntervalJoinOperator.ContextImpl): valid while the function runs. */
class JoinContext implements ProcessJoinFunctionContext {
  private leftTimestamp = 0;
  private rightTimestamp = 0;
  private readonly sideRecord = new StreamRecord<unknown>(undefined);

  constructor(private readonly operatorOutput: Output<unknown>) {}

  update(leftTimestamp: number, rightTimestamp: number): this {
    this.leftTimestamp = leftTimestamp;
    this.rightTimestamp = rightTimestamp;
    return this;
  }

  getLeftTimestamp(): number {
    return this.leftTimestamp;
  }

  getRightTimestamp(): number {
    return this.rightTimestamp;
  }

  getTimestamp(): number {
    return Math.max(this.leftTimestamp, this.rightTimestamp);
  }

  output<X>(tag: OutputTag<X>, value: X): void {
    this.operatorOutput.collectSide(tag, this.sideRecord.replace(value, this.getTimestamp()));
  }
}

function addToBuffer<T>(buffer: ValueState<Buffer<T>>, value: T, timestamp: number): void {
  const entries = buffer.value() ?? {};
  (entries[timestamp] ??= []).push(value);
  buffer.update(entries);
}

function removeFromBuffer<T>(buffer: ValueState<Buffer<T>>, timestamp: number): void {
  const entries = buffer.value();
  if (!entries || !(timestamp in entries)) return;
  delete entries[timestamp];
  buffer.update(Object.keys(entries).length > 0 ? entries : null);
}

function forEachInRange<T>(buffer: ValueState<Buffer<T>>, from: number, to: number, action: (value: T, timestamp: number) => void): void {
  const entries = buffer.value();
  if (!entries) return;
  for (const key in entries) {
    const timestamp = Number(key);
    if (timestamp < from || timestamp > to) continue;
    for (const value of entries[key]!) action(value, timestamp);
  }
}
