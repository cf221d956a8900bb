// Flink's EmbeddedRocksDBStateBackend, with LevelDB: each keyed operator subtask keeps its
// state in a LevelDB database in a directory of its own under the TaskManager's temporary
// directory ($SLUICE_TMP, else the system's), removed when the task ends.
import type { KeyedStateBackendOptions } from '../abstract-keyed-state-backend.ts';
import type { StateBackend } from '../state-backend.ts';
import { LevelDBKeyedStateBackend } from './leveldb-keyed-state-backend.ts';
import { localWorkingDirectory } from '../../settings/local-working-directory.ts';

export class EmbeddedLevelDBStateBackend implements StateBackend {
  readonly type = 'leveldb';

  createKeyedStateBackend<K>(options: KeyedStateBackendOptions): Promise<LevelDBKeyedStateBackend<K>> {
    return LevelDBKeyedStateBackend.create<K>({ ...options, localDirectory: localWorkingDirectory() });
  }
}
