import type { FilterFunction } from '../functions/functions.ts';
import { AbstractUdfStreamOperator } from './abstract-udf-stream-operator.ts';
import type { OneInputStreamOperator } from './stream-operator.ts';
import type { StreamRecord } from './stream-record.ts';

export class StreamFilter<T> extends AbstractUdfStreamOperator<FilterFunction<T>, T> implements OneInputStreamOperator<T, T> {
  processElement(record: StreamRecord<T>): void {
    if (this.userFunction.filter(record.value)) this.output.collect(record);
  }
}
