// The JobMaster's latest TaskIOMetrics of each subtask, read as Flink's REST
// `/jobs/:jobid/vertices/:vertexid/backpressure` gives them (JobVertexBackPressureInfo):
// each subtask's share of time backpressured, idle and busy, and a level by Flink's
// thresholds: ok up to 10 % backpressured, low up to 50 %, high above.
import type { ExecutionAttemptId } from '../graph/execution-graph.ts';
import type { JobVertex } from '../graph/job-graph.ts';
import type { TaskIOMetrics } from './task-io-metrics.ts';

export type BackPressureLevel = 'ok' | 'low' | 'high';

export interface SubtaskBackPressureInfo {
  subtask: number;
  'attempt-number': number;
  'backpressure-level': BackPressureLevel;
  ratio: number;
  idleRatio: number;
  busyRatio: number;
}

/** Flink's JobVertexBackPressureInfo; `deprecated` (Flink's word) while no subtask has reported yet. */
export type JobVertexBackPressureInfo =
  | { status: 'ok'; 'backpressure-level': BackPressureLevel; 'end-timestamp': number; subtasks: SubtaskBackPressureInfo[] }
  | { status: 'deprecated' };

/** Flink's JobVertexBackPressureHandler thresholds. */
export function backPressureLevel(ratio: number): BackPressureLevel {
  return ratio > 0.5 ? 'high' : ratio > 0.1 ? 'low' : 'ok';
}

interface Reading {
  attemptNumber: number;
  metrics: TaskIOMetrics;
  /** When the JobMaster received it, ms since the epoch. */
  timestamp: number;
}

export class JobVertexBackPressureTracker {
  /** By "<vertexId>/<subtaskIndex>". */
  private readonly latest = new Map<string, Reading>();

  report(execution: ExecutionAttemptId, metrics: TaskIOMetrics, timestamp: number): void {
    this.latest.set(`${execution.vertexId}/${execution.subtaskIndex}`, { attemptNumber: execution.attemptNumber, metrics, timestamp });
  }

  /** `currentAttempt` gives each subtask's current attempt: an older attempt's reading is left out. */
  backPressureInfo(vertex: JobVertex, currentAttempt: (subtaskIndex: number) => number): JobVertexBackPressureInfo {
    const subtasks: SubtaskBackPressureInfo[] = [];
    let endTimestamp = 0;
    for (let subtask = 0; subtask < vertex.parallelism; subtask++) {
      const reading = this.latest.get(`${vertex.id}/${subtask}`);
      if (!reading || reading.attemptNumber !== currentAttempt(subtask)) continue;
      const { backPressuredTimeMsPerSecond, idleTimeMsPerSecond, busyTimeMsPerSecond } = reading.metrics;
      const ratio = backPressuredTimeMsPerSecond / 1000;
      subtasks.push({
        subtask, 'attempt-number': reading.attemptNumber, 'backpressure-level': backPressureLevel(ratio),
        ratio, idleRatio: idleTimeMsPerSecond / 1000, busyRatio: busyTimeMsPerSecond / 1000,
      });
      endTimestamp = Math.max(endTimestamp, reading.timestamp);
    }
    if (subtasks.length === 0) return { status: 'deprecated' };
    const maxRatio = Math.max(...subtasks.map((subtask) => subtask.ratio));
    return { status: 'ok', 'backpressure-level': backPressureLevel(maxRatio), 'end-timestamp': endTimestamp, subtasks };
  }
}
