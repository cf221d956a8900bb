// The task side of a checkpoint (Flink's TaskStateManager and the acknowledgement in its
// CheckpointResponder): gathers what a StreamTask took for checkpoint n into one
// TaskStateSnapshot, encodes it with the state codec and acknowledges it to the JobMaster
// with the task's CheckpointMetrics. The task took its snapshot synchronously; an operator's
// snapshot that is a promise (an asynchronous write) is awaited here, off the task's
// mailbox, so the stream goes on meanwhile. A state value that cannot be encoded declines
// the checkpoint with one line naming the operator subtask and the state.
import type { CheckpointMetrics } from '../lib/checkpoint/checkpoint-metrics.ts';
import type { TaskStateSnapshot } from '../lib/checkpoint/task-state-snapshot.ts';
import type { ExecutionAttemptId } from '../lib/graph/execution-graph.ts';
import type { CheckpointListener } from '../lib/runtime/stream-task.ts';
import { packTaskStateSnapshot } from '../lib/state/state-snapshot-codec.ts';

export type CheckpointResponse =
  /** `state` is the TaskStateSnapshot as the state codec encodes it (unpackTaskStateSnapshot); its length is the state size. */
  | { type: 'AcknowledgeCheckpoint'; execution: ExecutionAttemptId; checkpointId: number; metrics: CheckpointMetrics; state: Uint8Array }
  | { type: 'DeclineCheckpoint'; execution: ExecutionAttemptId; checkpointId: number; reason: string };

export function checkpointResponder(
  execution: ExecutionAttemptId,
  describeOperator: (operatorId: string) => string,
  respond: (response: CheckpointResponse) => void,
): CheckpointListener {
  return {
    onCheckpoint(checkpointId, snapshots, keyGroups, { syncDurationMs, ...barrierMetrics }) {
      const taken = [...snapshots];
      const decline = (reason: string) => respond({ type: 'DeclineCheckpoint', execution, checkpointId, reason });
      const syncEnd = performance.now();
      /** Encodes and acknowledges. The encoding of synchronous snapshots is on the task's thread too. */
      const acknowledge = (operatorStates: Array<[string, unknown]>, written: 'sync' | 'async') => {
        const state: TaskStateSnapshot = {};
        for (const [operatorId, operatorState] of operatorStates) state[operatorId] = { operatorState, keyGroups: keyGroups.get(operatorId) };
        let bytes: Uint8Array;
        try {
          bytes = packTaskStateSnapshot(state, describeOperator);
        } catch (error) {
          return decline((error as Error).message);
        }
        const sinceSnapshot = performance.now() - syncEnd;
        const metrics = written === 'sync'
          ? { ...barrierMetrics, syncDurationMs: syncDurationMs + sinceSnapshot, asyncDurationMs: 0 }
          : { ...barrierMetrics, syncDurationMs, asyncDurationMs: sinceSnapshot };
        respond({ type: 'AcknowledgeCheckpoint', execution, checkpointId, metrics, state: bytes });
      };
      // Synchronous snapshots are encoded now, before the task changes them.
      if (!taken.some(([, state]) => state instanceof Promise)) return acknowledge(taken, 'sync');
      Promise.all(taken.map(async ([operatorId, state]) => [operatorId, await state] as [string, unknown])).then(
        (states) => acknowledge(states, 'async'),
        (error: unknown) => decline(`the asynchronous part of the snapshot failed: ${(error as Error).message}`),
      );
    },
    onCheckpointAborted(checkpointId) {
      respond({ type: 'DeclineCheckpoint', execution, checkpointId, reason: 'a newer checkpoint\'s barrier or a cancel marker came during alignment' });
    },
  };
}
