import type { MapFunction } from '../functions/functions.ts';
import { AbstractUdfStreamOperator } from './abstract-udf-stream-operator.ts';

export class StreamMap<IN, OUT> extends AbstractUdfStreamOperator<MapFunction<IN, OUT>, IN, OUT> {
  processElement(record: IN): void {
    this.output.collect(this.userFunction.map(record));
  }
}
