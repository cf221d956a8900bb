// What a timer service calls when a timer fires (Flink's Triggerable): the keyed operator
// that registered it. The timer's key is already the current key.
import type { InternalTimer } from './internal-timer.ts';

export interface Triggerable<K, N> {
  onEventTime(timer: InternalTimer<K, N>): void;
  onProcessingTime(timer: InternalTimer<K, N>): void;
}
