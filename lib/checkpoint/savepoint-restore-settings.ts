// Flink's SavepointRestoreSettings: `sluice run --fromSavepoint <path>
// [--allowNonRestoredState]`. The JobMaster loads the savepoint before it deploys anything
// and matches its state to the new job by operator id (the uid where one is set): state of
// an operator the new job lacks is refused unless the user allows dropping it.
import type { JobGraph } from '../graph/job-graph.ts';
import { taskStateToRestore, type CompletedCheckpoint, type OperatorState } from './completed-checkpoint.ts';
import { readCheckpointDirectory } from './leveldb-checkpoint-storage.ts';

export interface SavepointRestoreSettings {
  restorePath: string;
  allowNonRestoredState: boolean;
}

const hasState = (operator: OperatorState) => operator.keyGroups.length > 0 || Object.keys(operator.subtaskStates).length > 0;

/**
 * The ids of the operators whose state in `savepoint` matches no operator of `jobGraph` (an
 * operator without state does not count, as in Flink). Throws, naming them, unless
 * `allowNonRestoredState`; then they are what the restore skips.
 */
export function nonRestoredOperators(savepoint: CompletedCheckpoint, jobGraph: JobGraph, settings: SavepointRestoreSettings): string[] {
  const operatorIds = new Set(jobGraph.vertices.flatMap((vertex) => vertex.operatorIds));
  const unmatched = Object.values(savepoint.operators).filter((operator) => hasState(operator) && !operatorIds.has(operator.operatorId)).map((operator) => operator.operatorId);
  if (unmatched.length > 0 && !settings.allowNonRestoredState) {
    throw new Error(`savepoint ${settings.restorePath} holds state of operator${unmatched.length > 1 ? 's' : ''} ${unmatched.join(', ')}, which the job does not have `
      + '(set a matching uid on the operator, or pass --allowNonRestoredState to skip that state)');
  }
  return unmatched;
}

/** Reads the savepoint and checks that the job can take all its state; a missing or corrupt one is a one-line error naming its path. */
export async function loadSavepoint(jobGraph: JobGraph, settings: SavepointRestoreSettings): Promise<{ savepoint: CompletedCheckpoint; skipped: string[] }> {
  const savepoint = await readCheckpointDirectory(settings.restorePath);
  const skipped = nonRestoredOperators(savepoint, jobGraph, settings);
  // The deployment's own checks (a keyed operator keeps its max parallelism), before anything is deployed.
  for (const vertex of jobGraph.vertices) taskStateToRestore(savepoint, vertex, 0);
  return { savepoint, skipped };
}
