// Flink's TimerGauge: how many ms of each second some condition held (backpressured, idle).
// The task marks the start and end of each spell; a read counts the time since the last
// read, an unfinished spell included, so a task stuck for seconds reads 1000 ms per second.
export class TimerGauge {
  private accumulatedMs = 0;
  /** performance.now() when the current spell began; undefined between spells. */
  private spellStart?: number;
  private lastRead: number;

  /** `clock` in ms, monotonic. */
  constructor(private readonly clock: () => number = () => performance.now()) {
    this.lastRead = clock();
  }

  markStart(): void {
    this.spellStart ??= this.clock();
  }

  markEnd(): void {
    if (this.spellStart === undefined) return;
    this.accumulatedMs += this.clock() - this.spellStart;
    this.spellStart = undefined;
  }

  /** Times one spell: from now until `until` settles. */
  measure<T>(until: Promise<T>): Promise<T> {
    this.markStart();
    return until.finally(() => this.markEnd());
  }

  /** The ms per second since the previous read (0 to 1000); starts the next interval. */
  readMsPerSecond(now = this.clock()): number {
    if (this.spellStart !== undefined) {
      this.accumulatedMs += now - this.spellStart;
      this.spellStart = now;
    }
    const interval = now - this.lastRead;
    const perSecond = interval > 0 ? Math.min(1000, (this.accumulatedMs / interval) * 1000) : 0;
    this.accumulatedMs = 0;
    this.lastRead = now;
    return perSecond;
  }
}
