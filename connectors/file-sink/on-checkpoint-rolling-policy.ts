// Flink's OnCheckpointRollingPolicy: every checkpoint closes the in-progress part files, so
// each part file holds exactly what one checkpoint interval wrote.
import type { PartFileInfo, RollingPolicy } from './rolling-policy.ts';

export class OnCheckpointRollingPolicy<IN> implements RollingPolicy<IN> {
  static build<IN>(): OnCheckpointRollingPolicy<IN> {
    return new OnCheckpointRollingPolicy();
  }

  shouldRollOnCheckpoint(_partFileState: PartFileInfo): boolean {
    return true;
  }

  shouldRollOnEvent(_partFileState: PartFileInfo, _element: IN): boolean {
    return false;
  }

  shouldRollOnProcessingTime(_partFileState: PartFileInfo, _currentTime: number): boolean {
    return false;
  }
}
