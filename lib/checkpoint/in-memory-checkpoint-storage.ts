// Where Flink's JobManagerCheckpointStorage keeps completed checkpoints: in the JobMaster's
// memory, so they go with it. For development and tests; a directory is the durable choice.
import type { CheckpointStorage } from './checkpoint-storage.ts';
import type { CompletedCheckpoint } from './completed-checkpoint.ts';

export class InMemoryCheckpointStorage implements CheckpointStorage {
  private readonly checkpoints = new Map<number, CompletedCheckpoint>();

  async store(checkpoint: CompletedCheckpoint): Promise<void> {
    this.checkpoints.set(checkpoint.checkpointId, checkpoint);
  }

  async load(checkpointId: number): Promise<CompletedCheckpoint> {
    const checkpoint = this.checkpoints.get(checkpointId);
    if (!checkpoint) throw new Error(`checkpoint ${checkpointId} is not in the JobManager's memory`);
    return checkpoint;
  }

  async discard(checkpointId: number): Promise<void> {
    this.checkpoints.delete(checkpointId);
  }
}
