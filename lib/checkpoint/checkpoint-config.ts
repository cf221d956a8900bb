// Flink's CheckpointConfig: how often and how checkpoints are taken, how many are kept and
// where. `env.enableCheckpointing(...)` turns it on; `env.getCheckpointConfig()` tunes it.
// Its settings travel to the JobMaster in the JobGraph as plain data (CheckpointingSettings).
import { booleanOption, durationOption, firstKey, numberOption, type Configuration } from '../settings/configuration.ts';
import { durationMillis, type DurationLike } from '../time/duration.ts';
import { CheckpointingMode } from './checkpointing-mode.ts';
import { localPath } from '../settings/local-path.ts';
import { FileSystemCheckpointStorage, JobManagerCheckpointStorage } from './checkpoint-storage-choices.ts';

/** What happens to the retained checkpoints when the job is cancelled (Flink's ExternalizedCheckpointCleanup). */
export const ExternalizedCheckpointCleanup = {
  DELETE_ON_CANCELLATION: 'DELETE_ON_CANCELLATION',
  RETAIN_ON_CANCELLATION: 'RETAIN_ON_CANCELLATION',
} as const;

export type ExternalizedCheckpointCleanup = (typeof ExternalizedCheckpointCleanup)[keyof typeof ExternalizedCheckpointCleanup];

/** Flink 1.20's name for the same choice (`setExternalizedCheckpointRetention`). */
export const ExternalizedCheckpointRetention = ExternalizedCheckpointCleanup;
export type ExternalizedCheckpointRetention = ExternalizedCheckpointCleanup;

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
  private unaligned = false;
  private alignedTimeoutMs = 0;
  private forceUnaligned = false;

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

  /** Flink 1.20's name of setExternalizedCheckpointCleanup. */
  setExternalizedCheckpointRetention(retention: ExternalizedCheckpointRetention): this {
    return this.setExternalizedCheckpointCleanup(retention);
  }

  getExternalizedCheckpointRetention(): ExternalizedCheckpointRetention {
    return this.cleanup;
  }

  /** Flink's deprecated name of setExternalizedCheckpointCleanup. */
  enableExternalizedCheckpoints(cleanup: ExternalizedCheckpointCleanup): this {
    return this.setExternalizedCheckpointCleanup(cleanup);
  }

  /** Checkpoints in a directory outlive the job as `cleanup` says; those in the JobManager's memory never do. */
  isExternalizedCheckpointsEnabled(): boolean {
    return this.storage.type === 'filesystem';
  }

  /**
   * Flink's unaligned checkpoints, accepted so that a Flink job's configuration runs as it
   * is: Sluice's barriers are always aligned. Results are the same exactly-once results; only
   * the time a barrier waits behind backpressured input differs.
   */
  enableUnalignedCheckpoints(enabled = true): this {
    this.unaligned = enabled;
    return this;
  }

  isUnalignedCheckpointsEnabled(): boolean {
    return this.unaligned;
  }

  setAlignedCheckpointTimeout(timeout: DurationLike): this {
    this.alignedTimeoutMs = durationMillis(timeout, 'checkpoint config: the aligned checkpoint timeout');
    return this;
  }

  getAlignedCheckpointTimeout(): number {
    return this.alignedTimeoutMs;
  }

  setForceUnalignedCheckpoints(force: boolean): this {
    this.forceUnaligned = force;
    return this;
  }

  isForceUnalignedCheckpoints(): boolean {
    return this.forceUnaligned;
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

  /**
   * Where completed checkpoints go: a directory (a path or a `file://` URI; a relative one
   * resolves against the job's directory), where they are `<directory>/<jobId>/chk-<n>`, or
   * `new FileSystemCheckpointStorage(dir)` / `new JobManagerCheckpointStorage()` (the default).
   */
  setCheckpointStorage(storage: string | FileSystemCheckpointStorage | JobManagerCheckpointStorage): this {
    if (storage instanceof FileSystemCheckpointStorage || storage instanceof JobManagerCheckpointStorage) this.storage = storage.location;
    else this.storage = { type: 'filesystem', directory: localPath(storage, 'checkpoint config') };
    return this;
  }

  getCheckpointStorage(): CheckpointStorageLocation {
    return this.storage;
  }

  /**
   * Flink's checkpointing keys: `execution.checkpointing.interval`, `.mode`, `.timeout`,
   * `.min-pause`, `.max-concurrent-checkpoints`, `.tolerable-failed-checkpoints`,
   * `.externalized-checkpoint-retention`, `.unaligned`, and the directory and retained count
   * under their old names (`state.checkpoints.dir`, `state.checkpoints.num-retained`) or new
   * ones (`execution.checkpointing.dir`, `.num-retained`).
   */
  configure(config: Configuration): this {
    const prefix = 'execution.checkpointing.';
    const set = (keys: readonly string[], apply: (key: string) => void) => {
      const key = firstKey(config, keys);
      if (key !== undefined) apply(key);
    };
    set([`${prefix}interval`], (key) => this.setCheckpointInterval(durationOption(config, key, '0 ms')));
    set([`${prefix}mode`], (key) => this.setCheckpointingMode(checkpointingModeOption(config[key]!, key)));
    set([`${prefix}timeout`], (key) => this.setCheckpointTimeout(durationOption(config, key, '10 min')));
    set([`${prefix}min-pause`], (key) => this.setMinPauseBetweenCheckpoints(durationOption(config, key, '0 ms')));
    set([`${prefix}max-concurrent-checkpoints`], (key) => this.setMaxConcurrentCheckpoints(numberOption(config, key, 1)));
    set([`${prefix}tolerable-failed-checkpoints`], (key) => this.setTolerableCheckpointFailureNumber(numberOption(config, key, 0)));
    set([`${prefix}externalized-checkpoint-retention`], (key) => this.setExternalizedCheckpointCleanup(cleanupOption(config[key]!, key)));
    set([`${prefix}unaligned.enabled`, `${prefix}unaligned`], (key) => this.enableUnalignedCheckpoints(booleanOption(config, key, false)));
    set([`${prefix}dir`, 'state.checkpoints.dir'], (key) => this.setCheckpointStorage(config[key]!));
    set([`${prefix}num-retained`, 'state.checkpoints.num-retained'], (key) => this.setNumRetainedCheckpoints(numberOption(config, key, 1)));
    return this;
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

function checkpointingModeOption(value: string, key: string): CheckpointingMode {
  const mode = value.trim().toUpperCase().replace(/-/g, '_');
  if (mode !== CheckpointingMode.EXACTLY_ONCE && mode !== CheckpointingMode.AT_LEAST_ONCE) {
    throw new Error(`${key}: '${value}' is not a checkpointing mode (EXACTLY_ONCE or AT_LEAST_ONCE)`);
  }
  return mode;
}

function cleanupOption(value: string, key: string): ExternalizedCheckpointCleanup {
  const cleanup = value.trim().toUpperCase().replace(/-/g, '_');
  if (cleanup !== 'DELETE_ON_CANCELLATION' && cleanup !== 'RETAIN_ON_CANCELLATION') {
    throw new Error(`${key}: '${value}' is not a checkpoint retention (DELETE_ON_CANCELLATION or RETAIN_ON_CANCELLATION)`);
  }
  return cleanup;
}
