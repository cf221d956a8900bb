// Flink's CoStreamFlatMap: the operator of `ConnectedStreams.flatMap`. Each record goes to
// the function of the input it came on; what it emits keeps that record's timestamp.
import type { CoFlatMapFunction } from '../functions/functions.ts';
import { AbstractUdfStreamOperator } from './abstract-udf-stream-operator.ts';
import type { TwoInputStreamOperator } from './stream-operator.ts';
import type { StreamRecord } from './stream-record.ts';

export class CoStreamFlatMap<IN1, IN2, OUT> extends AbstractUdfStreamOperator<CoFlatMapFunction<IN1, IN2, OUT>, OUT> implements TwoInputStreamOperator<IN1, IN2, OUT> {
  processElement1(record: StreamRecord<IN1>): void {
    const collector = this.collector;
    collector.setTimestampFrom(record);
    this.userFunction.flatMap1(record.value, collector);
  }

  processElement2(record: StreamRecord<IN2>): void {
    const collector = this.collector;
    collector.setTimestampFrom(record);
    this.userFunction.flatMap2(record.value, collector);
  }
}
