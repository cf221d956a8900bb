// Flink's CoProcessOperator: runs a CoProcessFunction on connected streams that are not
// keyed. Its context tells the time (the combined watermark of both inputs) but refuses timers.
import type { CoProcessFunction } from '../functions/co-process-function.ts';
import { AbstractNonKeyedProcessOperator } from './abstract-non-keyed-process-operator.ts';
import type { TwoInputStreamOperator } from './stream-operator.ts';
import type { StreamRecord } from './stream-record.ts';

export class CoProcessOperator<IN1, IN2, OUT> extends AbstractNonKeyedProcessOperator<CoProcessFunction<IN1, IN2, OUT>, OUT> implements TwoInputStreamOperator<IN1, IN2, OUT> {
  processElement1(record: StreamRecord<IN1>): void {
    this.processContext.setElement(record);
    this.userFunction.processElement1(record.value, this.processContext, this.collector);
  }

  processElement2(record: StreamRecord<IN2>): void {
    this.processContext.setElement(record);
    this.userFunction.processElement2(record.value, this.processContext, this.collector);
  }
}
