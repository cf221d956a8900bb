// Where the CheckpointCoordinator keeps completed checkpoints (Flink's CheckpointStorage):
// in the JobManager's memory for development, or a LevelDB store per checkpoint under a
// directory, the durable choice. A restore reads the checkpoint back from here.
import type { CheckpointStorageLocation } from './checkpoint-config.ts';
import type { CompletedCheckpoint } from './completed-checkpoint.ts';
import { InMemoryCheckpointStorage } from './in-memory-checkpoint-storage.ts';
import { LevelDbCheckpointStorage } from './leveldb-checkpoint-storage.ts';

export interface CheckpointStorage {
  /** Resolves once the checkpoint is stored for good: only then is it complete. */
  store(checkpoint: CompletedCheckpoint): Promise<void>;
  /** The checkpoint as stored; rejects with one line naming it when it is missing or unreadable. */
  load(checkpointId: number): Promise<CompletedCheckpoint>;
  /** Drops a checkpoint that is no longer retained. */
  discard(checkpointId: number): Promise<void>;
}

export function createCheckpointStorage(location: CheckpointStorageLocation, jobId: string): CheckpointStorage {
  return location.type === 'jobmanager' ? new InMemoryCheckpointStorage() : new LevelDbCheckpointStorage(location.directory, jobId);
}
