// Flink's CheckpointConfig: how often and how checkpoints are taken, how many are kept and
// where. `env.enableCheckpointing(...)` turns it on; `env.getCheckpointConfig()` tunes it.
// Its settings travel to the JobMaster in the JobGraph as plain data (CheckpointingSettings).
import { resolve } from 'node:path';
import { CheckpointingMode } from './checkpointing-mode.ts';

/** What happens to the retained checkpoints when the job is cancelled (Flink's ExternalizedCheckpointCleanup). */
export const ExternalizedCheckpointCleanup = {
  DELETE_ON_CANCELLATION: 'DELETE_ON_CANCELLATION',
  RETAIN_ON_CANCELLATION: 'RETAIN_ON_CANCELLATION',
} as const;

export type ExternalizedCheckpointCleanup = (typeof ExternalizedCheckpointCleanup)[keyof typeof ExternalizedCheckpointCleanup];

/** Where completed checkpoints go: the JobManager's memory (development), or a LevelDB store per checkpoint under `directory`. */
export type CheckpointStorageLocation = { type: 'jobmanager' } | { type: 'filesystem'; directory: string };

export interface CheckpointingSettings {
  intervalMs: number;
  mode: CheckpointingMode;
  timeoutMs: number;
  minPauseBetweenCheckpointsMs: number;
  maxConcurrentCheckpoints: number;
  tolerableCheckpointFailureNumber: number;
  externalizedCheckpointCleanup: ExternalizedCheckpointCleanup;
  /** Flink's state.checkpoints.num-retained. */
  numRetainedCheckpoints: number;
  storage: CheckpointStorageLocation;
}

function check(condition: boolean, message: string): void {
  if (!condition) throw new Error(`checkpoint config: ${message}`);
}

const isCount = (n: number, min: number) => Number.isInteger(n) && n >= min;

export class CheckpointConfig {
  private intervalMs = -1;
  private mode: CheckpointingMode = CheckpointingMode.EXACTLY_ONCE;
  private timeoutMs = 600_000;
  private minPauseMs = 0;
  private maxConcurrent = 1;
  private tolerableFailures = 0;
  private cleanup: ExternalizedCheckpointCleanup = ExternalizedCheckpointCleanup.DELETE_ON_CANCELLATION;
  private numRetained = 1;
  private storage: CheckpointStorageLocation = { type: 'jobmanager' };

  isCheckpointingEnabled(): boolean {
    return this.intervalMs > 0;
  }

  setCheckpointInterval(intervalMs: number): this {
    check(intervalMs >= 10, `the checkpoint interval must be at least 10 ms (got ${intervalMs})`);
    this.intervalMs = intervalMs;
    return this;
  }

  getCheckpointInterval(): number {
    return this.intervalMs;
  }

  setCheckpointingMode(mode: CheckpointingMode): this {
    check(Object.values(CheckpointingMode).includes(mode), `unknown checkpointing mode '${String(mode)}'`);
    this.mode = mode;
    return this;
  }

  getCheckpointingMode(): CheckpointingMode {
    return this.mode;
  }

  /** A checkpoint not complete after this many ms is aborted (default 10 minutes). */
  setCheckpointTimeout(timeoutMs: number): this {
    check(timeoutMs >= 1, `the checkpoint timeout must be at least 1 ms (got ${timeoutMs})`);
    this.timeoutMs = timeoutMs;
    return this;
  }

  getCheckpointTimeout(): number {
    return this.timeoutMs;
  }

  /** The least time from the end of one checkpoint to the trigger of the next (default 0). */
  setMinPauseBetweenCheckpoints(minPauseMs: number): this {
    check(minPauseMs >= 0, `the minimum pause between checkpoints must be >= 0 ms (got ${minPauseMs})`);
    this.minPauseMs = minPauseMs;
    return this;
  }

  getMinPauseBetweenCheckpoints(): number {
    return this.minPauseMs;
  }

  setMaxConcurrentCheckpoints(maxConcurrent: number): this {
    check(isCount(maxConcurrent, 1), `the maximum number of concurrent checkpoints must be at least 1 (got ${maxConcurrent})`);
    this.maxConcurrent = maxConcurrent;
    return this;
  }

  getMaxConcurrentCheckpoints(): number {
    return this.maxConcurrent;
  }

  /** How many checkpoint failures (timeouts, declines) in a row the job tolerates before it fails (default 0). */
  setTolerableCheckpointFailureNumber(failures: number): this {
    check(isCount(failures, 0), `the tolerable checkpoint failure number must be >= 0 (got ${failures})`);
    this.tolerableFailures = failures;
    return this;
  }

  getTolerableCheckpointFailureNumber(): number {
    return this.tolerableFailures;
  }

  setExternalizedCheckpointCleanup(cleanup: ExternalizedCheckpointCleanup): this {
    check(Object.values(ExternalizedCheckpointCleanup).includes(cleanup), `unknown externalized checkpoint cleanup '${String(cleanup)}'`);
    this.cleanup = cleanup;
    return this;
  }

  getExternalizedCheckpointCleanup(): ExternalizedCheckpointCleanup {
    return this.cleanup;
  }

  /** How many completed checkpoints are kept (Flink's state.checkpoints.num-retained, default 1). */
  setNumRetainedCheckpoints(numRetained: number): this {
    check(isCount(numRetained, 1), `the number of retained checkpoints must be at least 1 (got ${numRetained})`);
    this.numRetained = numRetained;
    return this;
  }

  getNumRetainedCheckpoints(): number {
    return this.numRetained;
  }

  /** A directory: checkpoints go to `<directory>/<jobId>/chk-<n>` (a relative one resolves against the job's directory). */
  setCheckpointStorage(directory: string): this {
    check(typeof directory === 'string' && directory.length > 0, 'the checkpoint storage directory must be a non-empty path');
    this.storage = { type: 'filesystem', directory: resolve(directory) };
    return this;
  }

  getCheckpointStorage(): CheckpointStorageLocation {
    return this.storage;
  }

  /** The settings the JobMaster runs with; undefined when checkpointing is off. */
  toSettings(): CheckpointingSettings | undefined {
    return this.isCheckpointingEnabled() ? this.getSettings() : undefined;
  }

  /** All settings, also when checkpointing is off (interval -1): a job without checkpoints still takes savepoints with them. */
  getSettings(): CheckpointingSettings {
    return {
      intervalMs: this.intervalMs,
      mode: this.mode,
      timeoutMs: this.timeoutMs,
      minPauseBetweenCheckpointsMs: this.minPauseMs,
      maxConcurrentCheckpoints: this.maxConcurrent,
      tolerableCheckpointFailureNumber: this.tolerableFailures,
      externalizedCheckpointCleanup: this.cleanup,
      numRetainedCheckpoints: this.numRetained,
      storage: this.storage,
    };
  }
}
