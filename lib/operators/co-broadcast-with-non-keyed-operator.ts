// Flink's CoBroadcastWithNonKeyedOperator: runs a BroadcastProcessFunction.
import type { BroadcastContext, BroadcastProcessFunction, BroadcastReadOnlyContext } from '../functions/broadcast-process-function.ts';
import { AbstractBroadcastOperator } from './abstract-broadcast-operator.ts';
import type { StreamRecord } from './stream-record.ts';

export class CoBroadcastWithNonKeyedOperator<IN1, IN2, OUT> extends AbstractBroadcastOperator<BroadcastProcessFunction<IN1, IN2, OUT>, IN1, IN2, OUT> {
  private readonly readOnlyContext: BroadcastReadOnlyContext = { ...this.baseContext, getBroadcastState: (descriptor) => this.readOnlyBroadcastState(descriptor) };
  private readonly broadcastContext: BroadcastContext = { ...this.baseContext, getBroadcastState: (descriptor) => this.broadcastState(descriptor) };

  processElement1(record: StreamRecord<IN1>): void {
    this.currentRecord = record;
    this.collector.setTimestampFrom(record);
    this.userFunction.processElement(record.value, this.readOnlyContext, this.collector);
  }

  processElement2(record: StreamRecord<IN2>): void {
    this.currentRecord = record;
    this.collector.setTimestampFrom(record);
    this.userFunction.processBroadcastElement(record.value, this.broadcastContext, this.collector);
  }
}
