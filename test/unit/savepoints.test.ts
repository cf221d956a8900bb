// Savepoints in the CheckpointCoordinator and their restore settings: a savepoint goes to a
// directory of its own in the checkpoint format, is neither retained nor subsumed as a
// checkpoint, and a job restored from it refuses state that matches none of its operators
// unless --allowNonRestoredState.
import t from 'tap';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { CheckpointConfig } from '../../lib/checkpoint/checkpoint-config.ts';
import { CheckpointCoordinator } from '../../lib/checkpoint/checkpoint-coordinator.ts';
import type { CompletedCheckpoint } from '../../lib/checkpoint/completed-checkpoint.ts';
import { InMemoryCheckpointStorage } from '../../lib/checkpoint/in-memory-checkpoint-storage.ts';
import { readCheckpointDirectory } from '../../lib/checkpoint/leveldb-checkpoint-storage.ts';
import { loadSavepoint, nonRestoredOperators } from '../../lib/checkpoint/savepoint-restore-settings.ts';
import type { JobGraph } from '../../lib/graph/job-graph.ts';

const jobGraph: JobGraph = {
  jobName: 'savepoint test',
  vertices: [
    { id: 'src', name: 'Source', parallelism: 1, maxParallelism: 8, operatorIds: ['src'], isSource: true, slotSharingGroup: 'default' },
    { id: 'count', name: 'Count', parallelism: 2, maxParallelism: 8, operatorIds: ['count', 'sink'], isSource: false, slotSharingGroup: 'default' },
  ],
  edges: [],
  bufferTimeoutMs: 5,
  fingerprint: 'x',
};

const root = mkdtempSync(join(tmpdir(), 'sluice-savepoints-'));
t.teardown(() => rmSync(root, { recursive: true, force: true }));

const countState = (keyGroup: number) => ({
  count: { keyGroups: [{ keyGroup, state: { keyGroup, states: [{ name: 'count', type: 'value' as const, entries: [[`k${keyGroup}`, null, keyGroup] as [unknown, unknown, unknown]] }] }, timers: { keyGroup, services: {} } }] },
  sink: {},
});

async function acknowledgeAll(coordinator: CheckpointCoordinator, checkpointId: number) {
  await coordinator.receiveAcknowledge(checkpointId, 'src', 0, { src: { operatorState: 7 } }, 10);
  await coordinator.receiveAcknowledge(checkpointId, 'count', 0, countState(1), 10);
  return coordinator.receiveAcknowledge(checkpointId, 'count', 1, countState(6), 10);
}

t.test('a savepoint of a job without checkpointing is stored in its own directory and read back whole', async (t) => {
  const settings = new CheckpointConfig().getSettings();
  const coordinator = new CheckpointCoordinator('abcdef0123', jobGraph, settings, new InMemoryCheckpointStorage());
  const target = join(root, 'savepoints');
  const { checkpointId } = coordinator.triggerSavepoint(0, 'SAVEPOINT', target);
  t.equal(coordinator.pendingCheckpointType(checkpointId), 'SAVEPOINT');
  const result = await acknowledgeAll(coordinator, checkpointId);
  if (result.type !== 'savepointCompleted') throw new Error(`expected a completed savepoint, got ${result.type}`);
  t.equal(dirname(result.path), target);
  t.match(basename(result.path), /^savepoint-abcdef-[0-9a-f]{12}$/, "Flink's savepoint directory name");
  t.same(coordinator.retainedCheckpointIds, [], 'a savepoint is not a retained checkpoint');
  t.equal(await coordinator.latestCheckpointToRestore(), undefined, 'nor restored on a failover');
  await coordinator.shutdown('FINISHED');
  t.same(readdirSync(target), [basename(result.path)], 'the job never discards it');
  const savepoint = await readCheckpointDirectory(result.path);
  t.same(savepoint.operators.src?.subtaskStates, { 0: 7 });
  t.same(savepoint.operators.count?.keyGroups.map((g) => g.keyGroup).sort(), [1, 6]);
});

t.test('a savepoint is triggered beside a pending checkpoint and a newer checkpoint does not subsume it', async (t) => {
  const settings = { ...new CheckpointConfig().getSettings(), intervalMs: 100 };
  const coordinator = new CheckpointCoordinator('job', jobGraph, settings, new InMemoryCheckpointStorage());
  t.equal(coordinator.triggerCheckpoint(0).type, 'triggered');
  const savepoint = coordinator.triggerSavepoint(1, 'SUSPEND', join(root, 'beside'));
  t.equal(savepoint.checkpointId, 2, 'despite max concurrent checkpoints 1');
  t.equal(coordinator.abortPendingCheckpoint(1, 'expired').type, 'failJob', 'the checkpoint failure counts');
  const again = new CheckpointCoordinator('job', jobGraph, { ...settings, maxConcurrentCheckpoints: 2 }, new InMemoryCheckpointStorage());
  const { checkpointId } = again.triggerSavepoint(0, 'SAVEPOINT', join(root, 'beside'));
  t.equal(again.abortPendingCheckpoint(checkpointId, 'declined').type, 'aborted', 'a failed savepoint does not count against the tolerable failures');
  const older = again.triggerSavepoint(1, 'SAVEPOINT', join(root, 'beside'));
  const newer = again.triggerCheckpoint(2);
  if (newer.type !== 'triggered') throw new Error(newer.reason);
  const completed = await acknowledgeAll(again, newer.checkpointId);
  t.same(completed.type === 'completed' && completed.subsumed, []);
  t.equal(again.pendingCheckpointType(older.checkpointId), 'SAVEPOINT');
});

t.test('a job restored from a savepoint restores it again on a failover before its first checkpoint, and numbers on after it', async (t) => {
  const coordinator = new CheckpointCoordinator('job', jobGraph, new CheckpointConfig().getSettings(), new InMemoryCheckpointStorage());
  const savepoint: CompletedCheckpoint = { jobId: 'old', checkpointId: 41, timestamp: 0, completedAt: 1, operators: {} };
  coordinator.restoreSavepoint(savepoint, '/savepoints/savepoint-old000-0123456789ab');
  t.equal(await coordinator.latestCheckpointToRestore(), savepoint);
  t.match(coordinator.checkpointStatistics().latest.restored, { id: 41, is_savepoint: true, external_path: '/savepoints/savepoint-old000-0123456789ab' });
  t.same(coordinator.triggerCheckpoint(5), { type: 'triggered', checkpointId: 42, timestamp: 5 });
  await acknowledgeAll(coordinator, 42);
  t.equal((await coordinator.latestCheckpointToRestore())?.checkpointId, 42);
});

t.test('savepoint state that matches no operator is refused, naming the operators, unless allowed', async (t) => {
  const state = (operatorId: string, withState: boolean) => ({ operatorId, parallelism: 1, maxParallelism: 8, subtaskStates: withState ? { 0: 1 } : {}, keyGroups: [] });
  const savepoint: CompletedCheckpoint = {
    jobId: 'old', checkpointId: 3, timestamp: 0, completedAt: 1,
    operators: { src: state('src', true), gone: state('gone', true), 'also-gone': state('also-gone', true), stateless: state('stateless', false) },
  };
  const settings = { restorePath: '/sp/savepoint-1', allowNonRestoredState: false };
  t.throws(() => nonRestoredOperators(savepoint, jobGraph, settings), {
    message: 'savepoint /sp/savepoint-1 holds state of operators gone, also-gone, which the job does not have (set a matching uid on the operator, or pass --allowNonRestoredState to skip that state)',
  });
  t.same(nonRestoredOperators(savepoint, jobGraph, { ...settings, allowNonRestoredState: true }), ['gone', 'also-gone'], 'skipped when allowed');
  t.same(nonRestoredOperators({ ...savepoint, operators: { src: state('src', true), stateless: state('stateless', false) } }, jobGraph, settings), [],
    'an operator the job lacks is fine when it held no state');
});

t.test('a savepoint whose keyed state has another max parallelism is refused before deployment', async (t) => {
  const settings = new CheckpointConfig().getSettings();
  const coordinator = new CheckpointCoordinator('job', jobGraph, settings, new InMemoryCheckpointStorage());
  const { checkpointId } = coordinator.triggerSavepoint(0, 'SAVEPOINT', join(root, 'max-parallelism'));
  const result = await acknowledgeAll(coordinator, checkpointId);
  if (result.type !== 'savepointCompleted') throw new Error(`expected a completed savepoint, got ${result.type}`);
  const changed = { ...jobGraph, vertices: jobGraph.vertices.map((vertex) => ({ ...vertex, maxParallelism: 16 })) };
  await t.rejects(loadSavepoint(changed, { restorePath: result.path, allowNonRestoredState: false }), {
    message: `checkpoint ${checkpointId}: operator count of "Count" was checkpointed with max parallelism 8, the job now has 16`,
  });
});

t.test('a missing savepoint path is one line naming it', async (t) => {
  const missing = join(root, 'savepoint-nope');
  await t.rejects(loadSavepoint(jobGraph, { restorePath: missing, allowNonRestoredState: false }), { message: `checkpoint directory ${missing} does not exist` });
});
