// The CheckpointCoordinator's bookkeeping, driven as the JobMaster drives it: triggers at
// given times, acknowledgements with state, declines and expiries, against real storages.
import t from 'tap';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CheckpointCoordinator } from '../../lib/checkpoint/checkpoint-coordinator.ts';
import type { CheckpointingSettings } from '../../lib/checkpoint/checkpoint-config.ts';
import { InMemoryCheckpointStorage } from '../../lib/checkpoint/in-memory-checkpoint-storage.ts';
import { LevelDbCheckpointStorage } from '../../lib/checkpoint/leveldb-checkpoint-storage.ts';
import { taskStateToRestore } from '../../lib/checkpoint/completed-checkpoint.ts';
import type { TaskStateSnapshot } from '../../lib/checkpoint/task-state-snapshot.ts';
import type { JobGraph } from '../../lib/graph/job-graph.ts';

// A source (p=1) feeding a keyed counter (p=2, 8 key groups).
const jobGraph: JobGraph = {
  jobName: 'coordinator test',
  vertices: [
    { id: 'src', name: 'Source', parallelism: 1, maxParallelism: 8, operatorIds: ['src'], isSource: true, slotSharingGroup: 'default' },
    { id: 'count', name: 'Count', parallelism: 2, maxParallelism: 8, operatorIds: ['count'], isSource: false, slotSharingGroup: 'default' },
  ],
  edges: [],
  bufferTimeoutMs: 5,
  fingerprint: 'x',
};

const settings = (overrides: Partial<CheckpointingSettings> = {}): CheckpointingSettings => ({
  intervalMs: 100, mode: 'EXACTLY_ONCE', timeoutMs: 1000, minPauseBetweenCheckpointsMs: 0, maxConcurrentCheckpoints: 1,
  tolerableCheckpointFailureNumber: 0, externalizedCheckpointCleanup: 'DELETE_ON_CANCELLATION', numRetainedCheckpoints: 1,
  storage: { type: 'jobmanager' }, ...overrides,
});

const countState = (keyGroup: number, count: number): TaskStateSnapshot => ({
  count: { keyGroups: [{ keyGroup, state: { keyGroup, states: [{ name: 'count', type: 'value', entries: [[`k${keyGroup}`, null, count]] }] }, timers: { keyGroup, services: {} } }] },
});

async function acknowledgeAll(coordinator: CheckpointCoordinator, checkpointId: number, position: number) {
  await coordinator.receiveAcknowledge(checkpointId, 'src', 0, { src: { operatorState: position } }, 10);
  await coordinator.receiveAcknowledge(checkpointId, 'count', 0, countState(1, position), 10);
  return coordinator.receiveAcknowledge(checkpointId, 'count', 1, countState(6, position * 2), 10);
}

t.test('a checkpoint is pending until every subtask acknowledged; then it is stored and restorable by key group', async (t) => {
  const coordinator = new CheckpointCoordinator('job', jobGraph, settings(), new InMemoryCheckpointStorage());
  const trigger = coordinator.triggerCheckpoint(0);
  t.same(trigger, { type: 'triggered', checkpointId: 1, timestamp: 0 });
  t.same(await coordinator.receiveAcknowledge(1, 'src', 0, { src: { operatorState: 42 } }, 5), { type: 'pending' });
  t.same(await coordinator.receiveAcknowledge(1, 'src', 0, { src: { operatorState: 42 } }, 5), { type: 'ignored' }, 'a second acknowledgement of the same subtask');
  t.same(await coordinator.receiveAcknowledge(1, 'count', 0, countState(1, 3), 6), { type: 'pending' });
  const completed = await coordinator.receiveAcknowledge(1, 'count', 1, countState(6, 5), 7);
  t.equal(completed.type, 'completed');
  t.equal(coordinator.numberOfPendingCheckpoints, 0);
  const restored = await coordinator.latestCheckpointToRestore();
  t.equal(restored?.checkpointId, 1);
  t.same(taskStateToRestore(restored!, jobGraph.vertices[0]!, 0), { src: { operatorState: 42, keyGroups: [] } }, 'the source gets its position');
  // At parallelism 2, subtask 0 owns key groups 0-3 and subtask 1 key groups 4-7.
  t.same(taskStateToRestore(restored!, jobGraph.vertices[1]!, 1).count?.keyGroups?.map((g) => g.keyGroup), [6]);
  // At parallelism 1 the one subtask owns both key groups.
  const rescaled = { ...jobGraph.vertices[1]!, parallelism: 1 };
  t.same(taskStateToRestore(restored!, rescaled, 0).count?.keyGroups?.map((g) => g.keyGroup), [1, 6], 'a restore at another parallelism regroups the key groups');
});

t.test('a restore deals operator state out again: lists split over the new subtasks, union lists to every one', async (t) => {
  const coordinator = new CheckpointCoordinator('job', jobGraph, settings(), new InMemoryCheckpointStorage());
  coordinator.triggerCheckpoint(0);
  const offsets = (subtask: number, entries: number[]): TaskStateSnapshot => ({
    count: { operatorState: { operatorStates: [
      { name: 'offsets', mode: 'SPLIT_DISTRIBUTE', entries },
      { name: 'seen', mode: 'UNION', entries: [`s${subtask}`] },
    ] }, keyGroups: [] },
  });
  await coordinator.receiveAcknowledge(1, 'src', 0, { src: { operatorState: 42, keyGroups: [] } }, 1);
  await coordinator.receiveAcknowledge(1, 'count', 0, offsets(0, [1, 2, 3]), 1);
  await coordinator.receiveAcknowledge(1, 'count', 1, offsets(1, [4, 5, 6]), 1);
  const restored = (await coordinator.latestCheckpointToRestore())!;
  const rescaled = { ...jobGraph.vertices[1]!, parallelism: 3 };
  const states = [0, 1, 2].map((i) => taskStateToRestore(restored, rescaled, i).count?.operatorState);
  t.same(states.map((s) => (s as { operatorStates: { entries: unknown[] }[] }).operatorStates[0]!.entries), [[1, 2], [3, 4], [5, 6]], 'list state split evenly, in order');
  t.same(states.map((s) => (s as { operatorStates: { entries: unknown[] }[] }).operatorStates[1]!.entries), [['s0', 's1'], ['s0', 's1'], ['s0', 's1']], 'union list state whole to every subtask');
  t.same(taskStateToRestore(restored, jobGraph.vertices[0]!, 0).src?.operatorState, 42, 'a snapshot that is not operator state goes back to its subtask');
});

t.test('max concurrent checkpoints and the minimum pause hold back a trigger', async (t) => {
  const coordinator = new CheckpointCoordinator('job', jobGraph, settings({ minPauseBetweenCheckpointsMs: 50 }), new InMemoryCheckpointStorage());
  t.equal(coordinator.triggerCheckpoint(0).type, 'triggered');
  t.match(coordinator.triggerCheckpoint(10), { type: 'skipped', reason: /1 checkpoints are pending, the maximum is 1/ });
  await acknowledgeAll(coordinator, 1, 1);
  t.match(coordinator.triggerCheckpoint(40), { type: 'skipped', reason: /30 ms since the last checkpoint completed, the minimum pause is 50 ms/ });
  t.same(coordinator.triggerCheckpoint(60), { type: 'triggered', checkpointId: 2, timestamp: 60 });
});

t.test('expired and declined checkpoints abort; one more failure in a row than tolerated fails the job; a completion resets the count', async (t) => {
  const coordinator = new CheckpointCoordinator('job', jobGraph, settings({ tolerableCheckpointFailureNumber: 1 }), new InMemoryCheckpointStorage());
  coordinator.triggerCheckpoint(0);
  t.same(coordinator.abortPendingCheckpoint(1, 'expired'), { type: 'aborted' });
  t.same(coordinator.abortPendingCheckpoint(1, 'expired'), { type: 'ignored' }, 'an aborted checkpoint is gone');
  t.same(await coordinator.receiveAcknowledge(1, 'src', 0, {}, 1), { type: 'ignored' }, 'a late acknowledgement of it is ignored');
  coordinator.triggerCheckpoint(100);
  await acknowledgeAll(coordinator, 2, 2);
  coordinator.triggerCheckpoint(200);
  t.same(coordinator.abortPendingCheckpoint(3, 'declined'), { type: 'aborted' }, 'the completion reset the failures in a row');
  coordinator.triggerCheckpoint(300);
  t.match(coordinator.abortPendingCheckpoint(4, 'declined'), { type: 'failJob', reason: /^Exceeded checkpoint tolerable failure threshold: checkpoint 4 declined \(2 failures in a row, 1 tolerated\)$/ });
  coordinator.triggerCheckpoint(400);
  t.same(coordinator.abortPendingCheckpoints(), [5], 'a failover aborts what is pending');
});

t.test('a checkpoint still waiting for a task that finished is aborted without counting as a failure', async (t) => {
  const coordinator = new CheckpointCoordinator('job', jobGraph, settings({ tolerableCheckpointFailureNumber: 0 }), new InMemoryCheckpointStorage());
  coordinator.triggerCheckpoint(0);
  await coordinator.receiveAcknowledge(1, 'src', 0, { src: { operatorState: 1 } }, 1);
  t.same(coordinator.checkpointsWaitingFor('src', 0), [], 'the source acknowledged it');
  t.same(coordinator.checkpointsWaitingFor('count', 1), [1]);
  t.same(coordinator.abortPendingCheckpoint(1, 'task finished'), { type: 'aborted' }, 'no tolerable failure is used up');
  t.equal(coordinator.checkpointStatistics().latest.failed?.failure_message, 'checkpoint 1 task finished');
});

t.test('a completed checkpoint subsumes older pending ones', async (t) => {
  const coordinator = new CheckpointCoordinator('job', jobGraph, settings({ maxConcurrentCheckpoints: 2 }), new InMemoryCheckpointStorage());
  coordinator.triggerCheckpoint(0);
  coordinator.triggerCheckpoint(1);
  const result = await acknowledgeAll(coordinator, 2, 7);
  t.match(result, { type: 'completed', subsumed: [1] });
  t.equal(coordinator.numberOfPendingCheckpoints, 0);
});

t.test('in a directory: the number retained is kept on disk, older ones are discarded, and cancellation deletes or retains them', async (t) => {
  const directory = mkdtempSync(join(tmpdir(), 'sluice-checkpoints-'));
  t.teardown(() => rmSync(directory, { recursive: true, force: true }));
  for (const cleanup of ['DELETE_ON_CANCELLATION', 'RETAIN_ON_CANCELLATION'] as const) {
    const storage = new LevelDbCheckpointStorage(directory, `job-${cleanup}`);
    const coordinator = new CheckpointCoordinator(`job-${cleanup}`, jobGraph, settings({ numRetainedCheckpoints: 2, externalizedCheckpointCleanup: cleanup }), storage);
    for (let id = 1; id <= 3; id++) {
      coordinator.triggerCheckpoint(id * 100);
      await acknowledgeAll(coordinator, id, id * 10);
    }
    t.same(coordinator.retainedCheckpointIds, [2, 3]);
    await t.rejects(storage.load(1), { message: `checkpoint directory ${storage.checkpointDirectory(1)} does not exist` }, 'checkpoint 1 was discarded');
    const latest = await coordinator.latestCheckpointToRestore();
    t.same(latest?.operators.src?.subtaskStates, { 0: 30 }, 'the latest is read back from its directory');
    t.same(latest?.operators.count?.keyGroups.map((g) => [g.keyGroup, g.state.states[0]!.entries[0]![2]]).sort(), [[1, 30], [6, 60]]);
    await coordinator.shutdown('CANCELED');
    const kept = await storage.load(3).then(() => true, () => false);
    t.equal(kept, cleanup === 'RETAIN_ON_CANCELLATION', `${cleanup} on cancellation`);
  }
});
