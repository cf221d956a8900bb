// Flink's StateTtlConfig: how long a keyed state value lives after it was last written (or
// read), measured in processing time, and whether an expired value that is still stored may
// be returned.
//
//   StateTtlConfig.newBuilder(Time.hours(1))
//     .setUpdateType(StateTtlConfig.UpdateType.OnReadAndWrite)
//     .setStateVisibility(StateTtlConfig.StateVisibility.NeverReturnExpired)
//     .cleanupFullSnapshot()
//     .build()
//
// An expired value is removed when it is next accessed; with cleanupFullSnapshot it is also
// left out of every snapshot.

/** A duration: Flink's Time (lib/api/time.ts) or anything with its accessor. */
export interface TtlDuration {
  toMilliseconds(): number;
}

export type UpdateType = 'Disabled' | 'OnCreateAndWrite' | 'OnReadAndWrite';
export type StateVisibility = 'ReturnExpiredIfNotCleanedUp' | 'NeverReturnExpired';
export type TtlTimeCharacteristic = 'ProcessingTime';

export class StateTtlConfig {
  static readonly UpdateType = { Disabled: 'Disabled', OnCreateAndWrite: 'OnCreateAndWrite', OnReadAndWrite: 'OnReadAndWrite' } as const;
  static readonly StateVisibility = { ReturnExpiredIfNotCleanedUp: 'ReturnExpiredIfNotCleanedUp', NeverReturnExpired: 'NeverReturnExpired' } as const;
  static readonly TtlTimeCharacteristic = { ProcessingTime: 'ProcessingTime' } as const;

  readonly updateType: UpdateType;
  readonly stateVisibility: StateVisibility;
  readonly ttlTimeCharacteristic: TtlTimeCharacteristic;
  /** Milliseconds. */
  readonly ttl: number;
  readonly cleanupInFullSnapshot: boolean;

  /** Use newBuilder(). */
  constructor(builder: StateTtlConfigBuilder) {
    ({ updateType: this.updateType, stateVisibility: this.stateVisibility, ttlTimeCharacteristic: this.ttlTimeCharacteristic, ttl: this.ttl, cleanupInFullSnapshot: this.cleanupInFullSnapshot } = builder);
  }

  static newBuilder(ttl: TtlDuration): StateTtlConfigBuilder {
    return new StateTtlConfigBuilder(ttl);
  }

  isEnabled(): boolean {
    return this.updateType !== 'Disabled';
  }
}

export class StateTtlConfigBuilder {
  updateType: UpdateType = 'OnCreateAndWrite';
  stateVisibility: StateVisibility = 'NeverReturnExpired';
  ttlTimeCharacteristic: TtlTimeCharacteristic = 'ProcessingTime';
  ttl: number;
  cleanupInFullSnapshot = false;

  constructor(ttl: TtlDuration) {
    this.ttl = checkTtl(ttl);
  }

  setUpdateType(updateType: UpdateType): this {
    this.updateType = updateType;
    return this;
  }

  updateTtlOnCreateAndWrite(): this {
    return this.setUpdateType('OnCreateAndWrite');
  }

  updateTtlOnReadAndWrite(): this {
    return this.setUpdateType('OnReadAndWrite');
  }

  setStateVisibility(stateVisibility: StateVisibility): this {
    this.stateVisibility = stateVisibility;
    return this;
  }

  returnExpiredIfNotCleanedUp(): this {
    return this.setStateVisibility('ReturnExpiredIfNotCleanedUp');
  }

  neverReturnExpired(): this {
    return this.setStateVisibility('NeverReturnExpired');
  }

  /** Only processing time is supported, as in Flink. */
  setTtlTimeCharacteristic(characteristic: TtlTimeCharacteristic): this {
    this.ttlTimeCharacteristic = characteristic;
    return this;
  }

  setTtl(ttl: TtlDuration): this {
    this.ttl = checkTtl(ttl);
    return this;
  }

  /** Leaves expired values out of every snapshot. */
  cleanupFullSnapshot(): this {
    this.cleanupInFullSnapshot = true;
    return this;
  }

  build(): StateTtlConfig {
    return new StateTtlConfig(this);
  }
}

function checkTtl(ttl: TtlDuration): number {
  const ms = ttl.toMilliseconds();
  if (!(ms > 0)) throw new RangeError(`state TTL must be positive, got ${ms} ms`);
  return ms;
}
