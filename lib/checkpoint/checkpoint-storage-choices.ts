// What a job may pass to `getCheckpointConfig().setCheckpointStorage(...)`, by Flink's names:
// a path or `file://` URI, `new FileSystemCheckpointStorage(path)` or
// `new JobManagerCheckpointStorage()`.
import { localPath } from '../settings/local-path.ts';
import type { CheckpointStorageLocation } from './checkpoint-config.ts';

/** Flink's FileSystemCheckpointStorage: each checkpoint a LevelDB store under `<directory>/<jobId>/chk-<n>`. */
export class FileSystemCheckpointStorage {
  private readonly directory: string;

  constructor(directory: string) {
    this.directory = localPath(directory, 'FileSystemCheckpointStorage');
  }

  getCheckpointPath(): string {
    return this.directory;
  }

  get location(): CheckpointStorageLocation {
    return { type: 'filesystem', directory: this.directory };
  }
}

/** Flink's JobManagerCheckpointStorage: completed checkpoints in the JobMaster's memory (the default). */
export class JobManagerCheckpointStorage {
  readonly location: CheckpointStorageLocation = { type: 'jobmanager' };
}
