// Flink's ProcessOperator: runs a ProcessFunction on a stream that is not keyed. Its context
// tells the time (the watermark it last received) but refuses timers, which need a key.
import type { ProcessFunction } from '../functions/process-function.ts';
import { AbstractNonKeyedProcessOperator } from './abstract-non-keyed-process-operator.ts';
import type { OneInputStreamOperator } from './stream-operator.ts';
import type { StreamRecord } from './stream-record.ts';

export class ProcessOperator<IN, OUT> extends AbstractNonKeyedProcessOperator<ProcessFunction<IN, OUT>, OUT> implements OneInputStreamOperator<IN, OUT> {
  processElement(record: StreamRecord<IN>): void {
    this.processContext.setElement(record);
    this.userFunction.processElement(record.value, this.processContext, this.collector);
  }
}
