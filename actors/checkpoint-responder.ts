// The task side of a checkpoint (Flink's TaskStateManager and the acknowledgement in its
// CheckpointResponder): gathers what a StreamTask took for checkpoint n into one
// TaskStateSnapshot, encodes it with the state codec and acknowledges it to the JobMaster
// with the task's CheckpointMetrics. The task took its snapshot synchronously; an operator's
// snapshot that is a promise (an asynchronous write), or keyed state that the LevelDB backend
// reads out of a database view, is awaited here, off the task's mailbox, so the stream goes
// on meanwhile. A state value that cannot be encoded declines the checkpoint with one line
// naming the operator subtask and the state.
import type { CheckpointMetrics } from '../lib/checkpoint/checkpoint-metrics.ts';
import type { KeyGroupSnapshot, TaskStateSnapshot } from '../lib/checkpoint/task-state-snapshot.ts';
import type { ExecutionAttemptId } from '../lib/graph/execution-graph.ts';
import type { CheckpointListener } from '../lib/runtime/stream-task.ts';
import { packTaskStateSnapshot, unpackTaskStateSnapshot } from '../lib/state/state-snapshot-codec.ts';

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
      const decline = (reason: string) => respond({ type: 'DeclineCheckpoint', execution, checkpointId, reason });
      const syncEnd = performance.now();
      /** Gathers the operators' snapshots and key groups into one TaskStateSnapshot. */
      const gather = (operatorStates: Iterable<[string, unknown]>, keyGroupStates: Map<string, KeyGroupSnapshot[] | Promise<KeyGroupSnapshot[]>>) => {
        const state: TaskStateSnapshot = {};
        for (const [operatorId, operatorState] of operatorStates) {
          const operatorKeyGroups = keyGroupStates.get(operatorId);
          state[operatorId] = { operatorState, keyGroups: operatorKeyGroups instanceof Promise ? undefined : operatorKeyGroups };
        }
        return state;
      };
      /** Encodes and acknowledges. The encoding of synchronous snapshots is on the task's thread too. */
      const acknowledge = (state: TaskStateSnapshot, written: 'sync' | 'async') => {
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
      const isPending = (state: unknown) => state instanceof Promise;
      // Synchronous snapshots are encoded now, before the task changes them.
      if (![...snapshots.values()].some(isPending) && ![...keyGroups.values()].some(isPending)) return acknowledge(gather(snapshots, keyGroups), 'sync');
      // Otherwise the synchronous parts are copied now, through the state codec (which also
      // names a value it cannot encode at once), while the rest is awaited.
      let taken: TaskStateSnapshot;
      try {
        const synchronous = [...snapshots].map(([operatorId, state]) => [operatorId, isPending(state) ? undefined : state] as [string, unknown]);
        taken = unpackTaskStateSnapshot(packTaskStateSnapshot(gather(synchronous, keyGroups), describeOperator));
      } catch (error) {
        return decline((error as Error).message);
      }
      Promise.all([
        Promise.all([...snapshots].map(async ([operatorId, state]) => [operatorId, isPending(state) ? await state : taken[operatorId]!.operatorState] as [string, unknown])),
        Promise.all([...keyGroups].map(async ([operatorId, state]) => [operatorId, isPending(state) ? await state : taken[operatorId]?.keyGroups ?? []] as [string, KeyGroupSnapshot[]])),
      ]).then(
        ([operatorStates, keyGroupStates]) => acknowledge(gather(operatorStates, new Map(keyGroupStates)), 'async'),
        (error: unknown) => decline(`the asynchronous part of the snapshot failed: ${(error as Error).message}`),
      );
    },
    onCheckpointAborted(checkpointId) {
      respond({ type: 'DeclineCheckpoint', execution, checkpointId, reason: 'a newer checkpoint\'s barrier or a cancel marker came during alignment' });
    },
  };
}
