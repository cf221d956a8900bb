// Flink's CoBroadcastWithKeyedOperator: runs a KeyedBroadcastProcessFunction. Input 1 is keyed
// (its key is current while a record is processed); the broadcast side reaches every key's
// state through applyToKeyedState.
import type { KeyedBroadcastContext, KeyedBroadcastReadOnlyContext, KeyedStateFunction } from '../functions/keyed-broadcast-process-function.ts';
import type { State } from '../state/state.ts';
import type { StateDescriptor } from '../state/state-descriptor.ts';
import { VoidNamespace } from '../state/void-namespace.ts';
import { AbstractBroadcastOperator } from './abstract-broadcast-operator.ts';

export class CoBroadcastWithKeyedOperator<KS, IN1, IN2, OUT> extends AbstractBroadcastOperator<IN1, IN2, OUT, KeyedBroadcastReadOnlyContext<KS>, KeyedBroadcastContext> {
  protected readonly readOnlyContext: KeyedBroadcastReadOnlyContext<KS> = {
    ...this.baseContext,
    getBroadcastState: (descriptor) => this.readOnlyBroadcastState(descriptor),
    getCurrentKey: () => this.getCurrentKey() as KS,
  };
  protected readonly broadcastContext: KeyedBroadcastContext = {
    ...this.baseContext,
    getBroadcastState: (descriptor) => this.broadcastState(descriptor),
    applyToKeyedState: <S extends State>(descriptor: StateDescriptor<unknown>, fn: KeyedStateFunction<unknown, S>) => this.applyToKeyedState(descriptor, fn),
  };

  private applyToKeyedState<S extends State>(descriptor: StateDescriptor<unknown>, fn: KeyedStateFunction<unknown, S>): void {
    const backend = this.getKeyedStateBackend();
    // Collected first: the function may clear the state it visits.
    for (const key of [...backend.getKeys(descriptor.name, VoidNamespace)]) {
      backend.setCurrentKey(key);
      fn(key, backend.getPartitionedState(VoidNamespace, descriptor) as unknown as S);
    }
  }
}
