// The task side of a checkpoint (Flink's TaskStateManager and the acknowledgement in its
// CheckpointResponder): gathers what a StreamTask took for checkpoint n into one
// TaskStateSnapshot and acknowledges it to the JobMaster. The task took its snapshot
// synchronously; an operator's snapshot that is a promise (an asynchronous write), or keyed
// state that the LevelDB backend reads out of a database view, is awaited here, off the task's
// mailbox, so the stream goes on meanwhile.
import type { KeyGroupSnapshot, TaskStateSnapshot } from '../lib/checkpoint/task-state-snapshot.ts';
import { decodeControl, encodeControl } from '../lib/codec/control-codec.ts';
import type { ExecutionAttemptId } from '../lib/graph/execution-graph.ts';
import type { CheckpointListener } from '../lib/runtime/stream-task.ts';

export type CheckpointResponse =
  | { type: 'AcknowledgeCheckpoint'; execution: ExecutionAttemptId; checkpointId: number; state: TaskStateSnapshot }
  | { type: 'DeclineCheckpoint'; execution: ExecutionAttemptId; checkpointId: number; reason: string };

export function checkpointResponder(execution: ExecutionAttemptId, respond: (response: CheckpointResponse) => void): CheckpointListener {
  return {
    onCheckpoint(checkpointId, snapshots, keyGroups) {
      const taken = [...snapshots];
      const acknowledge = (operatorStates: Array<[string, unknown]>, keyGroupStates: Map<string, KeyGroupSnapshot[]>) => {
        const state: TaskStateSnapshot = {};
        for (const [operatorId, operatorState] of operatorStates) state[operatorId] = { operatorState, keyGroups: keyGroupStates.get(operatorId) };
        respond({ type: 'AcknowledgeCheckpoint', execution, checkpointId, state });
      };
      // Synchronous snapshots are sent (and so encoded) now, before the task changes them.
      const pending = taken.some(([, state]) => state instanceof Promise) || [...keyGroups.values()].some((state) => state instanceof Promise);
      if (!pending) return acknowledge(taken, keyGroups as Map<string, KeyGroupSnapshot[]>);
      // Otherwise the synchronous parts are copied now (an async function runs up to its first
      // await at once), in their wire form, while the rest is awaited.
      const settled = async <S>(state: S | Promise<S>): Promise<S> => (state instanceof Promise ? state : decodeControl<S>(encodeControl(state)));
      Promise.all([
        Promise.all(taken.map(async ([operatorId, state]) => [operatorId, await settled(state)] as [string, unknown])),
        Promise.all([...keyGroups].map(async ([operatorId, state]) => [operatorId, await settled(state)] as [string, KeyGroupSnapshot[]])),
      ]).then(
        ([operatorStates, keyGroupStates]) => acknowledge(operatorStates, new Map(keyGroupStates)),
        (error: unknown) => respond({ type: 'DeclineCheckpoint', execution, checkpointId, reason: `the asynchronous part of the snapshot failed: ${(error as Error).message}` }),
      );
    },
    onCheckpointAborted(checkpointId) {
      respond({ type: 'DeclineCheckpoint', execution, checkpointId, reason: 'a newer checkpoint\'s barrier or a cancel marker came during alignment' });
    },
  };
}
