// Flink's DefaultRollingPolicy: a part file rolls when it reaches the maximum part size, when
// it has been open for the rollover interval, or when nothing was written to it for the
// inactivity interval. Defaults as Flink's: 128 MiB, 60 s, 60 s.
import { durationMillis, type DurationLike } from '../../lib/time/duration.ts';
import type { PartFileInfo, RollingPolicy } from './rolling-policy.ts';

const defaultMaxPartSize = 128 * 1024 * 1024;
const defaultIntervalMs = 60_000;

export class DefaultRollingPolicy<IN> implements RollingPolicy<IN> {
  private constructor(
    private readonly partSize: number,
    private readonly rolloverInterval: number,
    private readonly inactivityInterval: number,
  ) {}

  static builder(): DefaultRollingPolicyBuilder {
    return new DefaultRollingPolicyBuilder();
  }

  /** @internal Built by DefaultRollingPolicyBuilder. */
  static create<IN>(partSize: number, rolloverInterval: number, inactivityInterval: number): DefaultRollingPolicy<IN> {
    if (!(partSize > 0)) throw new RangeError(`DefaultRollingPolicy: the max part size must be a positive number of bytes, got ${partSize}`);
    return new DefaultRollingPolicy(partSize, rolloverInterval, inactivityInterval);
  }

  shouldRollOnCheckpoint(partFileState: PartFileInfo): boolean {
    return partFileState.getSize() > this.partSize;
  }

  shouldRollOnEvent(partFileState: PartFileInfo, _element: IN): boolean {
    return partFileState.getSize() >= this.partSize;
  }

  shouldRollOnProcessingTime(partFileState: PartFileInfo, currentTime: number): boolean {
    return currentTime - partFileState.getCreationTime() >= this.rolloverInterval
      || currentTime - partFileState.getLastUpdateTime() >= this.inactivityInterval;
  }
}

export class DefaultRollingPolicyBuilder {
  private partSize = defaultMaxPartSize;
  private rolloverInterval = defaultIntervalMs;
  private inactivityInterval = defaultIntervalMs;

  /** In bytes. */
  withMaxPartSize(size: number): this {
    this.partSize = size;
    return this;
  }

  withRolloverInterval(interval: DurationLike): this {
    this.rolloverInterval = durationMillis(interval, 'DefaultRollingPolicy: the rollover interval');
    return this;
  }

  withInactivityInterval(interval: DurationLike): this {
    this.inactivityInterval = durationMillis(interval, 'DefaultRollingPolicy: the inactivity interval');
    return this;
  }

  build<IN>(): DefaultRollingPolicy<IN> {
    return DefaultRollingPolicy.create(this.partSize, this.rolloverInterval, this.inactivityInterval);
  }
}
