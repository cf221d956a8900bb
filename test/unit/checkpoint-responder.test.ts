// What a task took for a checkpoint becomes one acknowledgement: synchronous snapshots at
// once, an asynchronous one (an operator's write, LevelDB keyed state) once done; a failure
// declines the checkpoint.
import t from 'tap';
import { checkpointResponder, type CheckpointResponse } from '../../actors/checkpoint-responder.ts';
import type { KeyGroupSnapshot } from '../../lib/checkpoint/task-state-snapshot.ts';

const execution = { vertexId: 'op-2', subtaskIndex: 1, attemptNumber: 3 };
const keyGroup: KeyGroupSnapshot = { keyGroup: 5, state: { keyGroup: 5, states: [] }, timers: { keyGroup: 5, services: {} } };

t.test('synchronous snapshots are acknowledged at once, with each keyed operator\'s key groups', async (t) => {
  const responses: CheckpointResponse[] = [];
  checkpointResponder(execution, (response) => responses.push(response))
    .onCheckpoint(7, new Map<string, unknown>([['op-2', 11], ['op-3', undefined]]), new Map([['op-3', [keyGroup]]]));
  t.same(responses, [{
    type: 'AcknowledgeCheckpoint', execution, checkpointId: 7,
    state: { 'op-2': { operatorState: 11, keyGroups: undefined }, 'op-3': { operatorState: undefined, keyGroups: [keyGroup] } },
  }]);
});

t.test('an asynchronous snapshot is awaited before the acknowledgement; a failed one declines', async (t) => {
  const responses: CheckpointResponse[] = [];
  let written!: (value: string) => void;
  const responder = checkpointResponder(execution, (response) => responses.push(response));
  responder.onCheckpoint(8, new Map<string, unknown>([['op-2', new Promise<string>((resolve) => (written = resolve))]]), new Map());
  t.same(responses, [], 'nothing before the write is done');
  written('handle');
  await new Promise((resolve) => setImmediate(resolve));
  t.same(responses, [{ type: 'AcknowledgeCheckpoint', execution, checkpointId: 8, state: { 'op-2': { operatorState: 'handle', keyGroups: undefined } } }]);

  responder.onCheckpoint(9, new Map<string, unknown>([['op-2', Promise.reject(new Error('disk full'))]]), new Map());
  await new Promise((resolve) => setImmediate(resolve));
  t.same(responses.at(-1), { type: 'DeclineCheckpoint', execution, checkpointId: 9, reason: 'the asynchronous part of the snapshot failed: disk full' });
  responder.onCheckpointAborted!(10);
  t.match(responses.at(-1), { type: 'DeclineCheckpoint', checkpointId: 10 });
});

t.test('keyed state read out asynchronously (LevelDB) is awaited; the synchronous parts are taken as they were', async (t) => {
  const responses: CheckpointResponse[] = [];
  let readOut!: (keyGroups: KeyGroupSnapshot[]) => void;
  const position = { offset: 10 };
  checkpointResponder(execution, (response) => responses.push(response))
    .onCheckpoint(11, new Map<string, unknown>([['op-2', position], ['op-3', undefined]]), new Map([['op-3', new Promise<KeyGroupSnapshot[]>((resolve) => (readOut = resolve))]]));
  position.offset = 20;
  t.same(responses, [], 'nothing before the key groups are read out');
  readOut([keyGroup]);
  await new Promise((resolve) => setImmediate(resolve));
  t.same(responses, [{
    type: 'AcknowledgeCheckpoint', execution, checkpointId: 11,
    state: { 'op-2': { operatorState: { offset: 10 }, keyGroups: undefined }, 'op-3': { operatorState: undefined, keyGroups: [keyGroup] } },
  }], 'the operator state as it was at the snapshot, beside the key groups');
});
