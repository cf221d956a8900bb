// A duration, as Flink's windowing API spells it: `Time.seconds(5)`.

export class Time {
  private constructor(private readonly milliseconds: number) {}

  static milliseconds(n: number): Time {
    return new Time(n);
  }

  static seconds(n: number): Time {
    return new Time(n * 1000);
  }

  static minutes(n: number): Time {
    return new Time(n * 60_000);
  }

  static hours(n: number): Time {
    return new Time(n * 3_600_000);
  }

  static days(n: number): Time {
    return new Time(n * 86_400_000);
  }

  toMilliseconds(): number {
    return this.milliseconds;
  }
}
