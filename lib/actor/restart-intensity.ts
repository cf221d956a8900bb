// OTP's restart intensity: a supervisor allows at most `maxRestarts` restarts within
// `withinMs`; one more means restarting does not help, and the failure escalates.
export class RestartIntensity {
  private restarts: number[] = [];

  constructor(private readonly maxRestarts: number, private readonly withinMs: number) {}

  /** Records a restart at `now`; false when it exceeds the intensity (the restart must not happen). */
  allow(now: number): boolean {
    this.restarts = this.restarts.filter((at) => now - at < this.withinMs);
    if (this.restarts.length >= this.maxRestarts) return false;
    this.restarts.push(now);
    return true;
  }

  reset(): void {
    this.restarts = [];
  }
}

export class RestartIntensityExceededError extends Error {
  constructor(readonly address: string, maxRestarts: number, withinMs: number, cause: unknown) {
    super(`restart intensity exceeded at ${address}: more than ${maxRestarts} restarts within ${withinMs} ms; last failure: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = 'RestartIntensityExceededError';
  }
}
