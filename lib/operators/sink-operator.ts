import type { SinkContext, SinkFunction } from '../functions/functions.ts';
import { AbstractUdfStreamOperator } from './abstract-udf-stream-operator.ts';

const sinkContext: SinkContext = { currentProcessingTime: () => Date.now() };

export class StreamSink<T> extends AbstractUdfStreamOperator<SinkFunction<T>, T, never> {
  processElement(record: T): void {
    this.userFunction.invoke(record, sinkContext);
  }

  finish(): void {
    this.userFunction.finish?.();
  }
}
