// Flink's `state.backend.type` key (StateBackendOptions): `hashmap` or `leveldb` (Sluice's
// LevelDB where Flink has `rocksdb`). A job may set it in its configuration; the cluster's
// default comes from $SLUICE_STATE_BACKEND_TYPE. Anything else is one line naming the key.
import { EmbeddedLevelDBStateBackend } from './leveldb/embedded-leveldb-state-backend.ts';
import { HashMapStateBackend } from './heap/hash-map-state-backend.ts';
import { stateBackendTypes, type StateBackend, type StateBackendType } from './state-backend.ts';

export const stateBackendTypeKey = 'state.backend.type';

/** The type `raw` names; `key` is where it was set, for the error. */
export function parseStateBackendType(raw: string, key: string = stateBackendTypeKey): StateBackendType {
  const type = raw.trim().toLowerCase();
  if (!(stateBackendTypes as readonly string[]).includes(type)) throw new Error(`${key}: unknown state backend '${raw}' (expected ${stateBackendTypes.join(' or ')})`);
  return type as StateBackendType;
}

/** The backend the configuration names; undefined when `state.backend.type` is not set. */
export function stateBackendFromConfiguration(config: Readonly<Record<string, string>>): StateBackend | undefined {
  const raw = config[stateBackendTypeKey];
  return raw === undefined ? undefined : stateBackendOfType(parseStateBackendType(raw));
}

export function stateBackendOfType(type: StateBackendType): StateBackend {
  return type === 'leveldb' ? new EmbeddedLevelDBStateBackend() : new HashMapStateBackend();
}
