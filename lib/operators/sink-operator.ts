import type { SinkContext, SinkFunction } from '../functions/functions.ts';
import { isTwoPhaseCommitSinkFunction, type TwoPhaseCommitSinkFunction } from '../functions/two-phase-commit-sink-function.ts';
import { AbstractUdfStreamOperator } from './abstract-udf-stream-operator.ts';
import type { OneInputStreamOperator } from './stream-operator.ts';
import type { StreamRecord } from './stream-record.ts';
import { MIN_WATERMARK } from './watermark.ts';

/** What `addSink` takes: a SinkFunction, or a TwoPhaseCommitSinkFunction (its records go into its current transaction). */
export type AnySinkFunction<T> = SinkFunction<T> | TwoPhaseCommitSinkFunction<T, any, any>;

/** Flink's StreamSink: hands each record to the SinkFunction with a context telling its time. */
export class StreamSink<T> extends AbstractUdfStreamOperator<AnySinkFunction<T>, never> implements OneInputStreamOperator<T, never> {
  private currentWatermark = MIN_WATERMARK;
  private currentTimestamp: number | undefined;
  private readonly sinkContext: SinkContext = {
    currentProcessingTime: () => Date.now(),
    currentWatermark: () => this.currentWatermark,
    timestamp: () => this.currentTimestamp,
  };
  private readonly invoke: (value: T, context: SinkContext) => void;

  constructor(userFunction: AnySinkFunction<T>) {
    super(userFunction);
    if (isTwoPhaseCommitSinkFunction(userFunction)) {
      this.invoke = (value, context) => userFunction.invokeInCurrentTransaction(value, context);
    } else {
      const fn = userFunction as SinkFunction<T>;
      this.invoke = (value, context) => fn.invoke(value, context);
    }
  }

  processElement(record: StreamRecord<T>): void {
    this.currentTimestamp = record.timestamp;
    this.invoke(record.value, this.sinkContext);
  }

  override processWatermark(timestamp: number): void {
    this.currentWatermark = timestamp;
  }

  override finish(): void | Promise<void> {
    return this.userFunction.finish?.();
  }
}
