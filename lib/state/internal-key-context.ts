// The current key of a keyed operator (Flink's InternalKeyContext). The runtime sets it before
// each processElement and before each timer fires; state and timers read it to know whose
// value they touch.
import type { KeyGroup, KeyGroupRange } from '../exchange/key-groups.ts';

export interface InternalKeyContext<K> {
  setCurrentKey(key: K): void;
  getCurrentKey(): K;
  /** The current key compared by value (`keyIdentity`): a primitive key is itself, so maps need no string hashing for it. */
  getCurrentKeyIdentity(): unknown;
  getCurrentKeyGroupIndex(): KeyGroup;
  /** The key groups this subtask owns. */
  getKeyGroupRange(): KeyGroupRange;
  /** The operator's max parallelism. */
  getNumberOfKeyGroups(): number;
}
