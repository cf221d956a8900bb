import type { SinkContext, SinkFunction } from '../functions/functions.ts';
import { AbstractUdfStreamOperator } from './abstract-udf-stream-operator.ts';
import type { OneInputStreamOperator } from './stream-operator.ts';
import type { StreamRecord } from './stream-record.ts';
import { MIN_WATERMARK } from './watermark.ts';

/** Flink's StreamSink: hands each record to the SinkFunction with a context telling its time. */
export class StreamSink<T> extends AbstractUdfStreamOperator<SinkFunction<T>, never> implements OneInputStreamOperator<T, never> {
  private currentWatermark = MIN_WATERMARK;
  private currentTimestamp: number | undefined;
  private readonly sinkContext: SinkContext = {
    currentProcessingTime: () => Date.now(),
    currentWatermark: () => this.currentWatermark,
    timestamp: () => this.currentTimestamp,
  };

  processElement(record: StreamRecord<T>): void {
    this.currentTimestamp = record.timestamp;
    this.userFunction.invoke(record.value, this.sinkContext);
  }

  override processWatermark(timestamp: number): void {
    this.currentWatermark = timestamp;
  }

  override finish(): void {
    this.userFunction.finish?.();
  }
}
