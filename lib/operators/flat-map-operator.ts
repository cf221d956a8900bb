import type { FlatMapFunction } from '../functions/functions.ts';
import { AbstractUdfStreamOperator } from './abstract-udf-stream-operator.ts';

export class StreamFlatMap<IN, OUT> extends AbstractUdfStreamOperator<FlatMapFunction<IN, OUT>, IN, OUT> {
  processElement(record: IN): void {
    this.userFunction.flatMap(record, this.output);
  }
}
