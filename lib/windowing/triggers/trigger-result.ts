// Flink's TriggerResult: what a trigger decides on an element or a timer. FIRE evaluates the
// window function on the window's contents; PURGE drops the contents (the window itself and
// its cleanup timer stay); FIRE_AND_PURGE does both.

export class TriggerResult {
  static readonly CONTINUE = new TriggerResult('CONTINUE', false, false);
  static readonly FIRE_AND_PURGE = new TriggerResult('FIRE_AND_PURGE', true, true);
  static readonly FIRE = new TriggerResult('FIRE', true, false);
  static readonly PURGE = new TriggerResult('PURGE', false, true);

  private constructor(
    private readonly name: string,
    private readonly fire: boolean,
    private readonly purge: boolean,
  ) {}

  isFire(): boolean {
    return this.fire;
  }

  isPurge(): boolean {
    return this.purge;
  }

  toString(): string {
    return this.name;
  }
}
