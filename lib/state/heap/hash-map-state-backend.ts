// Flink's HashMapStateBackend: keyed state as objects on the heap of the TaskManager. The
// fastest, and the default; the state must fit in memory.
import type { KeyedStateBackendOptions } from '../abstract-keyed-state-backend.ts';
import type { StateBackend } from '../state-backend.ts';
import { HeapKeyedStateBackend } from './heap-keyed-state-backend.ts';

export class HashMapStateBackend implements StateBackend {
  readonly type = 'hashmap';

  async createKeyedStateBackend<K>(options: KeyedStateBackendOptions): Promise<HeapKeyedStateBackend<K>> {
    return new HeapKeyedStateBackend<K>(options);
  }
}
