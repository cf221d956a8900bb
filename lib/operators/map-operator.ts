import type { MapFunction } from '../functions/functions.ts';
import { AbstractUdfStreamOperator } from './abstract-udf-stream-operator.ts';
import type { OneInputStreamOperator } from './stream-operator.ts';
import { StreamRecord } from './stream-record.ts';

export class StreamMap<IN, OUT> extends AbstractUdfStreamOperator<MapFunction<IN, OUT>, OUT> implements OneInputStreamOperator<IN, OUT> {
  private readonly reuse = new StreamRecord<OUT>(undefined as OUT);

  processElement(record: StreamRecord<IN>): void {
    this.output.collect(this.reuse.replace(this.userFunction.map(record.value), record.timestamp));
  }
}
