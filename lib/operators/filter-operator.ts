import type { FilterFunction } from '../functions/functions.ts';
import { AbstractUdfStreamOperator } from './abstract-udf-stream-operator.ts';

export class StreamFilter<T> extends AbstractUdfStreamOperator<FilterFunction<T>, T, T> {
  processElement(record: T): void {
    if (this.userFunction.filter(record)) this.output.collect(record);
  }
}
