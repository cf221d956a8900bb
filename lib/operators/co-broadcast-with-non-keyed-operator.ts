// Flink's CoBroadcastWithNonKeyedOperator: runs a BroadcastProcessFunction.
import type { BroadcastContext, BroadcastReadOnlyContext } from '../functions/broadcast-process-function.ts';
import { AbstractBroadcastOperator } from './abstract-broadcast-operator.ts';

export class CoBroadcastWithNonKeyedOperator<IN1, IN2, OUT> extends AbstractBroadcastOperator<IN1, IN2, OUT, BroadcastReadOnlyContext, BroadcastContext> {
  protected readonly readOnlyContext: BroadcastReadOnlyContext = { ...this.baseContext, getBroadcastState: (descriptor) => this.readOnlyBroadcastState(descriptor) };
  protected readonly broadcastContext: BroadcastContext = { ...this.baseContext, getBroadcastState: (descriptor) => this.broadcastState(descriptor) };
}
