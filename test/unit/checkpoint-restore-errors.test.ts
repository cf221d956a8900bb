// A restore from a checkpoint directory that is missing, not a checkpoint, or incomplete
// fails with one line naming the directory, also when the coordinator restores a job from it.
import t from 'tap';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Level } from 'level';
import { CheckpointCoordinator } from '../../lib/checkpoint/checkpoint-coordinator.ts';
import type { CheckpointingSettings } from '../../lib/checkpoint/checkpoint-config.ts';
import { LevelDbCheckpointStorage, readCheckpointDirectory } from '../../lib/checkpoint/leveldb-checkpoint-storage.ts';
import type { JobGraph } from '../../lib/graph/job-graph.ts';

const root = mkdtempSync(join(tmpdir(), 'sluice-restore-'));
t.teardown(() => rmSync(root, { recursive: true, force: true }));

t.test('a missing directory', async (t) => {
  const missing = join(root, 'job', 'chk-9');
  await t.rejects(readCheckpointDirectory(missing), { message: `checkpoint directory ${missing} does not exist` });
});

t.test('a directory that is not a LevelDB store', async (t) => {
  const corrupt = join(root, 'corrupt');
  mkdirSync(corrupt);
  writeFileSync(join(corrupt, 'CURRENT'), 'garbage\n');
  const error = await readCheckpointDirectory(corrupt).catch((e: Error) => e);
  t.match(error, { message: new RegExp(`^checkpoint directory ${corrupt} is not a readable checkpoint: [^\\n]+$`) });
});

t.test('a store without metadata (a checkpoint whose write did not finish)', async (t) => {
  const incomplete = join(root, 'incomplete');
  const db = new Level(incomplete);
  await db.put('op/x/subtask/0', '1');
  await db.close();
  await t.rejects(readCheckpointDirectory(incomplete), { message: `checkpoint directory ${incomplete} is incomplete: it has no _metadata` });
});

t.test('a restart whose latest checkpoint directory went missing gets the one line naming it', async (t) => {
  const jobGraph: JobGraph = {
    jobName: 'restore test', edges: [], bufferTimeoutMs: 5, fingerprint: 'x',
    vertices: [{ id: 'src', name: 'Source', parallelism: 1, maxParallelism: 8, operatorIds: ['src'], isSource: true, slotSharingGroup: 'default' }],
  };
  const settings: CheckpointingSettings = {
    intervalMs: 100, mode: 'EXACTLY_ONCE', timeoutMs: 1000, minPauseBetweenCheckpointsMs: 0, maxConcurrentCheckpoints: 1,
    tolerableCheckpointFailureNumber: 0, externalizedCheckpointCleanup: 'RETAIN_ON_CANCELLATION', numRetainedCheckpoints: 1,
    storage: { type: 'filesystem', directory: root },
  };
  const storage = new LevelDbCheckpointStorage(root, 'lost-job');
  const coordinator = new CheckpointCoordinator('lost-job', jobGraph, settings, storage);
  coordinator.triggerCheckpoint(0);
  t.match(await coordinator.receiveAcknowledge(1, 'src', 0, { src: { operatorState: 7 } }, 1), { type: 'completed' });
  rmSync(storage.checkpointDirectory(1), { recursive: true });
  await t.rejects(coordinator.latestCheckpointToRestore(), { message: `checkpoint directory ${storage.checkpointDirectory(1)} does not exist` });
  t.equal(coordinator.checkpointStatistics().counts.restored, 0, 'a failed restore is not counted as one');
});
