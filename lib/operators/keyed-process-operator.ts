// Flink's KeyedProcessOperator: runs a KeyedProcessFunction (or a ProcessFunction) on a keyed
// stream. Its timers live in the operator's internal timer service ("user-timers") and fire
// with their key current, so state and timers stay in the seams a checkpoint snapshots.
import type { KeyedProcessFunction } from '../functions/keyed-process-function.ts';
import type { ProcessFunction } from '../functions/process-function.ts';
import { AbstractKeyedProcessOperator } from './abstract-keyed-process-operator.ts';
import type { OneInputStreamOperator } from './stream-operator.ts';
import type { StreamRecord } from './stream-record.ts';

export class KeyedProcessOperator<K, IN, OUT>
  extends AbstractKeyedProcessOperator<K, KeyedProcessFunction<K, IN, OUT> | ProcessFunction<IN, OUT>, OUT>
  implements OneInputStreamOperator<IN, OUT> {
  processElement(record: StreamRecord<IN>): void {
    this.processContext.setElement(record);
    this.userFunction.processElement(record.value, this.processContext, this.collector);
  }
}
