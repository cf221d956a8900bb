// A StreamTask's share of Flink's TaskIOMetricGroup: the ms of each second it waited for
// output credit (backPressuredTimeMsPerSecond), waited for input (idleTimeMsPerSecond), and
// worked (busyTimeMsPerSecond, the rest). Only the waits are timed, at the moments the
// task suspends, so the per-record path pays nothing.
import { TimerGauge } from './timer-gauge.ts';

/** One reading, as the task reports it to the JobMaster. */
export interface TaskIOMetrics {
  backPressuredTimeMsPerSecond: number;
  idleTimeMsPerSecond: number;
  busyTimeMsPerSecond: number;
}

export class TaskIOMetricGroup {
  readonly backPressuredTime = new TimerGauge();
  readonly idleTime = new TimerGauge();

  /** The figures since the previous reading. */
  read(): TaskIOMetrics {
    const now = performance.now();
    const backPressuredTimeMsPerSecond = Math.round(this.backPressuredTime.readMsPerSecond(now));
    const idleTimeMsPerSecond = Math.round(this.idleTime.readMsPerSecond(now));
    return { backPressuredTimeMsPerSecond, idleTimeMsPerSecond, busyTimeMsPerSecond: Math.max(0, 1000 - backPressuredTimeMsPerSecond - idleTimeMsPerSecond) };
  }
}
