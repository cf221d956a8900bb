// Flink's CoStreamMap: the operator of `ConnectedStreams.map`. Each record is mapped by the
// function of the input it came on; the result keeps the input record's timestamp.
import type { CoMapFunction } from '../functions/functions.ts';
import { AbstractUdfStreamOperator } from './abstract-udf-stream-operator.ts';
import type { TwoInputStreamOperator } from './stream-operator.ts';
import { StreamRecord } from './stream-record.ts';

export class CoStreamMap<IN1, IN2, OUT> extends AbstractUdfStreamOperator<CoMapFunction<IN1, IN2, OUT>, OUT> implements TwoInputStreamOperator<IN1, IN2, OUT> {
  private readonly reuse = new StreamRecord<OUT>(undefined as OUT);

  processElement1(record: StreamRecord<IN1>): void {
    this.output.collect(this.reuse.replace(this.userFunction.map1(record.value), record.timestamp));
  }

  processElement2(record: StreamRecord<IN2>): void {
    this.output.collect(this.reuse.replace(this.userFunction.map2(record.value), record.timestamp));
  }
}
