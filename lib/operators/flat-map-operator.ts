import type { FlatMapFunction } from '../functions/functions.ts';
import { AbstractUdfStreamOperator } from './abstract-udf-stream-operator.ts';
import type { OneInputStreamOperator } from './stream-operator.ts';
import type { StreamRecord } from './stream-record.ts';

export class StreamFlatMap<IN, OUT> extends AbstractUdfStreamOperator<FlatMapFunction<IN, OUT>, OUT> implements OneInputStreamOperator<IN, OUT> {
  processElement(record: StreamRecord<IN>): void {
    const collector = this.collector;
    collector.setTimestampFrom(record);
    this.userFunction.flatMap(record.value, collector);
  }
}
