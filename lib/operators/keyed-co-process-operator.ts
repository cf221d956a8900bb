// Flink's KeyedCoProcessOperator: runs a KeyedCoProcessFunction (or a CoProcessFunction) on
// two connected keyed streams. Records of either input with equal keys share state and
// timers; timers fire from the combined watermark of both inputs.
import type { CoProcessFunction } from '../functions/co-process-function.ts';
import type { KeyedCoProcessFunction } from '../functions/keyed-co-process-function.ts';
import { AbstractKeyedProcessOperator } from './abstract-keyed-process-operator.ts';
import type { TwoInputStreamOperator } from './stream-operator.ts';
import type { StreamRecord } from './stream-record.ts';

export class KeyedCoProcessOperator<K, IN1, IN2, OUT>
  extends AbstractKeyedProcessOperator<K, KeyedCoProcessFunction<K, IN1, IN2, OUT> | CoProcessFunction<IN1, IN2, OUT>, OUT>
  implements TwoInputStreamOperator<IN1, IN2, OUT> {
  processElement1(record: StreamRecord<IN1>): void {
    this.processContext.setElement(record);
    this.userFunction.processElement1(record.value, this.processContext, this.collector);
  }

  processElement2(record: StreamRecord<IN2>): void {
    this.processContext.setElement(record);
    this.userFunction.processElement2(record.value, this.processContext, this.collector);
  }
}
