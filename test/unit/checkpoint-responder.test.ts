// What a task took for a checkpoint becomes one acknowledgement, its state encoded by the
// state codec: synchronous snapshots at once, an asynchronous one (an operator's write,
// LevelDB keyed state) once done; a failure, or a value the codec cannot encode, declines
// the checkpoint with one line.
import t from 'tap';
import { checkpointResponder, type CheckpointResponse } from '../../actors/checkpoint-responder.ts';
import type { KeyGroupSnapshot } from '../../lib/checkpoint/task-state-snapshot.ts';
import { unpackTaskStateSnapshot } from '../../lib/state/state-snapshot-codec.ts';

const execution = { vertexId: 'op-2', subtaskIndex: 1, attemptNumber: 3 };
const keyGroup: KeyGroupSnapshot = { keyGroup: 5, state: { keyGroup: 5, states: [] }, timers: { keyGroup: 5, services: {} } };
const describeOperator = (operatorId: string) => `"${operatorId === 'op-3' ? 'Counter' : 'Map'}" (2/2)`;
const barrierMetrics = { checkpointStartDelayMs: 4, alignmentDurationMs: 3, syncDurationMs: 2 };

const acknowledged = (response: CheckpointResponse | undefined) => {
  if (response?.type !== 'AcknowledgeCheckpoint') throw new Error(`not an acknowledgement: ${JSON.stringify(response)}`);
  return { ...response, state: unpackTaskStateSnapshot(response.state) };
};

t.test('synchronous snapshots are acknowledged at once, encoded, with each keyed operator\'s key groups and the task\'s metrics', async (t) => {
  const responses: CheckpointResponse[] = [];
  checkpointResponder(execution, describeOperator, (response) => responses.push(response))
    .onCheckpoint(7, new Map<string, unknown>([['op-2', 11], ['op-3', undefined]]), new Map([['op-3', [keyGroup]]]), barrierMetrics);
  t.equal(responses.length, 1);
  const ack = acknowledged(responses[0]);
  t.match(ack, { type: 'AcknowledgeCheckpoint', execution, checkpointId: 7 });
  t.same(ack.state, { 'op-2': { operatorState: 11, keyGroups: undefined }, 'op-3': { operatorState: undefined, keyGroups: [keyGroup] } });
  t.match(ack.metrics, { checkpointStartDelayMs: 4, alignmentDurationMs: 3, asyncDurationMs: 0 });
  t.ok(ack.metrics.syncDurationMs >= 2, 'the encoding on the task\'s thread adds to the synchronous part');
});

t.test('an asynchronous snapshot is awaited before the acknowledgement; a failed one declines', async (t) => {
  const responses: CheckpointResponse[] = [];
  let written!: (value: string) => void;
  const responder = checkpointResponder(execution, describeOperator, (response) => responses.push(response));
  responder.onCheckpoint(8, new Map<string, unknown>([['op-2', new Promise<string>((resolve) => (written = resolve))]]), new Map(), barrierMetrics);
  t.same(responses, [], 'nothing before the write is done');
  await new Promise((resolve) => setTimeout(resolve, 5));
  written('handle');
  await new Promise((resolve) => setImmediate(resolve));
  const ack = acknowledged(responses[0]);
  t.same(ack.state, { 'op-2': { operatorState: 'handle', keyGroups: undefined } });
  t.equal(ack.metrics.syncDurationMs, 2);
  t.ok(ack.metrics.asyncDurationMs >= 4, `the write-out is the asynchronous part (${ack.metrics.asyncDurationMs} ms)`);

  responder.onCheckpoint(9, new Map<string, unknown>([['op-2', Promise.reject(new Error('disk full'))]]), new Map(), barrierMetrics);
  await new Promise((resolve) => setImmediate(resolve));
  t.same(responses.at(-1), { type: 'DeclineCheckpoint', execution, checkpointId: 9, reason: 'the asynchronous part of the snapshot failed: disk full' });
  responder.onCheckpointAborted!(10);
  t.match(responses.at(-1), { type: 'DeclineCheckpoint', checkpointId: 10 });
});

t.test('a state value msgpackr cannot encode declines the checkpoint, naming the operator subtask, the state and the key', async (t) => {
  const responses: CheckpointResponse[] = [];
  const responder = checkpointResponder(execution, describeOperator, (response) => responses.push(response));
  const withFunction: KeyGroupSnapshot = { keyGroup: 5, state: { keyGroup: 5, states: [{ name: 'handlers', type: 'value', entries: [['a', null, { onEvent: () => 1 }]] }] }, timers: { keyGroup: 5, services: {} } };
  responder.onCheckpoint(11, new Map<string, unknown>([['op-2', 1], ['op-3', undefined]]), new Map([['op-3', [withFunction]]]), barrierMetrics);
  t.same(responses, [{ type: 'DeclineCheckpoint', execution, checkpointId: 11, reason: 'state "handlers" of "Counter" (2/2), key "a": cannot encode a function' }]);

  const cycle: Record<string, unknown> = {};
  cycle.self = cycle;
  responder.onCheckpoint(12, new Map<string, unknown>([['op-2', { position: cycle }]]), new Map(), barrierMetrics);
  t.same(responses.at(-1), { type: 'DeclineCheckpoint', execution, checkpointId: 12, reason: 'the snapshot of "Map" (2/2): cannot encode a circular (or too deeply nested) structure' });
});

t.test('keyed state read out asynchronously (LevelDB) is awaited; the synchronous parts are taken as they were', async (t) => {
  const responses: CheckpointResponse[] = [];
  let readOut!: (keyGroups: KeyGroupSnapshot[]) => void;
  const position = { offset: 10 };
  checkpointResponder(execution, describeOperator, (response) => responses.push(response))
    .onCheckpoint(11, new Map<string, unknown>([['op-2', position], ['op-3', undefined]]), new Map([['op-3', new Promise<KeyGroupSnapshot[]>((resolve) => (readOut = resolve))]]), barrierMetrics);
  position.offset = 20;
  t.same(responses, [], 'nothing before the key groups are read out');
  readOut([keyGroup]);
  await new Promise((resolve) => setImmediate(resolve));
  const ack = acknowledged(responses[0]);
  t.same(ack.state, { 'op-2': { operatorState: { offset: 10 }, keyGroups: undefined }, 'op-3': { operatorState: undefined, keyGroups: [keyGroup] } },
    'the operator state as it was at the snapshot, beside the key groups');
  t.equal(ack.metrics.asyncDurationMs >= 0, true);

  // A value that cannot be encoded among the synchronous parts declines at once.
  responses.length = 0;
  checkpointResponder(execution, describeOperator, (response) => responses.push(response))
    .onCheckpoint(12, new Map<string, unknown>([['op-2', { position: () => 1 }], ['op-3', undefined]]), new Map([['op-3', new Promise<KeyGroupSnapshot[]>(() => undefined)]]), barrierMetrics);
  t.match(responses, [{ type: 'DeclineCheckpoint', checkpointId: 12, reason: /"Map" \(2\/2\).*cannot encode a function/ }]);
});
