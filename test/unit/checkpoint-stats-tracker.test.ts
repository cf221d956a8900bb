// The JobMaster's checkpoint figures (Flink's CheckpointStatsTracker), fed by the
// CheckpointCoordinator as the JobMaster drives it, read back in the shape of Flink's REST
// `/jobs/:jobid/checkpoints`: counts, min/max/avg summary, latest completed/failed/restored,
// and a bounded history with each subtask's durations, alignment and state size.
import t from 'tap';
import { CheckpointCoordinator } from '../../lib/checkpoint/checkpoint-coordinator.ts';
import type { CheckpointingSettings } from '../../lib/checkpoint/checkpoint-config.ts';
import type { SubtaskCheckpointReport } from '../../lib/checkpoint/checkpoint-metrics.ts';
import { CheckpointStatsTracker } from '../../lib/checkpoint/checkpoint-stats-tracker.ts';
import { InMemoryCheckpointStorage } from '../../lib/checkpoint/in-memory-checkpoint-storage.ts';
import type { JobGraph } from '../../lib/graph/job-graph.ts';

const jobGraph: JobGraph = {
  jobName: 'stats test',
  vertices: [
    { id: 'src', name: 'Source', parallelism: 1, maxParallelism: 8, operatorIds: ['src'], isSource: true, slotSharingGroup: 'default' },
    { id: 'count', name: 'Count', parallelism: 2, maxParallelism: 8, operatorIds: ['count'], isSource: false, slotSharingGroup: 'default' },
  ],
  edges: [],
  bufferTimeoutMs: 5,
  fingerprint: 'x',
};

const settings = (storage: CheckpointingSettings['storage']): CheckpointingSettings => ({
  intervalMs: 100, mode: 'EXACTLY_ONCE', timeoutMs: 1000, minPauseBetweenCheckpointsMs: 0, maxConcurrentCheckpoints: 1,
  tolerableCheckpointFailureNumber: 5, externalizedCheckpointCleanup: 'DELETE_ON_CANCELLATION', numRetainedCheckpoints: 1, storage,
});

const report = (alignmentDurationMs: number, stateSize: number): SubtaskCheckpointReport => ({
  metrics: { checkpointStartDelayMs: 1, alignmentDurationMs, syncDurationMs: 2, asyncDurationMs: 3 },
  stateSize,
});

t.test('an empty tracker reports zeros and nothing latest', async (t) => {
  const coordinator = new CheckpointCoordinator('job', jobGraph, settings({ type: 'jobmanager' }), new InMemoryCheckpointStorage());
  t.same(coordinator.checkpointStatistics(), {
    counts: { restored: 0, total: 0, in_progress: 0, completed: 0, failed: 0 },
    summary: { state_size: { min: 0, max: 0, avg: 0 }, end_to_end_duration: { min: 0, max: 0, avg: 0 }, alignment_duration: { min: 0, max: 0, avg: 0 } },
    latest: { completed: null, savepoint: null, failed: null, restored: null },
    history: [],
  });
});

t.test('completed, in-progress, declined and restored checkpoints, with per-subtask figures', async (t) => {
  const coordinator = new CheckpointCoordinator('job-1', jobGraph, settings({ type: 'filesystem', directory: '/ckpts' }), new InMemoryCheckpointStorage());
  coordinator.triggerCheckpoint(1000);
  await coordinator.receiveAcknowledge(1, 'src', 0, { src: { operatorState: 1 } }, 1010, report(0, 100));
  const inProgress = coordinator.checkpointStatistics();
  t.match(inProgress.counts, { total: 1, in_progress: 1, completed: 0 });
  t.match(inProgress.history[0], { id: 1, status: 'IN_PROGRESS', num_subtasks: 3, num_acknowledged_subtasks: 1, state_size: 100 });
  t.same(inProgress.history[0]!.tasks.count!.subtasks, [{ index: 0, status: 'pending_or_failed' }, { index: 1, status: 'pending_or_failed' }]);

  await coordinator.receiveAcknowledge(1, 'count', 0, {}, 1020, report(4, 200));
  await coordinator.receiveAcknowledge(1, 'count', 1, {}, 1030, report(8, 300));
  coordinator.triggerCheckpoint(2000);
  coordinator.abortPendingCheckpoint(2, 'declined', 2050, 'state "x" of "Count" (1/2), key "a": cannot encode a function');
  coordinator.triggerCheckpoint(3000);
  await coordinator.receiveAcknowledge(3, 'src', 0, {}, 3100, report(0, 1000));
  await coordinator.receiveAcknowledge(3, 'count', 0, {}, 3100, report(0, 1000));
  await coordinator.receiveAcknowledge(3, 'count', 1, {}, 3200, report(0, 1000));
  await coordinator.latestCheckpointToRestore();

  const stats = coordinator.checkpointStatistics();
  t.same(stats.counts, { restored: 1, total: 3, in_progress: 0, completed: 2, failed: 1 });
  t.same(stats.summary.state_size, { min: 600, max: 3000, avg: 1800 });
  t.same(stats.summary.end_to_end_duration, { min: 30, max: 200, avg: 115 });
  t.same(stats.history.map(({ id, status }) => [id, status]), [[3, 'COMPLETED'], [2, 'FAILED'], [1, 'COMPLETED']], 'newest first');
  const first = stats.history[2]!;
  t.match(first, { trigger_timestamp: 1000, latest_ack_timestamp: 1030, end_to_end_duration: 30, state_size: 600, num_acknowledged_subtasks: 3, external_path: '/ckpts/job-1/chk-1', discarded: true });
  t.same(first.tasks.count!.subtasks[1], {
    index: 1, status: 'completed', ack_timestamp: 1030, end_to_end_duration: 30, state_size: 300,
    checkpoint: { sync: 2, async: 3 }, alignment: { buffered: 0, persisted: 0, duration: 8 }, start_delay: 1, unaligned_checkpoint: false,
  });
  t.match(first.tasks.count, { status: 'COMPLETED', state_size: 500, num_acknowledged_subtasks: 2, latest_ack_timestamp: 1030 });
  t.match(stats.latest.failed, { id: 2, failure_timestamp: 2050, failure_message: 'checkpoint 2 declined: state "x" of "Count" (1/2), key "a": cannot encode a function' });
  t.match(stats.latest.completed, { id: 3, discarded: false });
  t.same(stats.latest.restored, { id: 3, restore_timestamp: stats.latest.restored!.restore_timestamp, is_savepoint: false, external_path: '/ckpts/job-1/chk-3' });
});

t.test('the history keeps the newest, and a checkpoint that left it still counts when it ends', async (t) => {
  const tracker = new CheckpointStatsTracker(jobGraph, () => '<checkpoint-not-externally-addressable>', 2);
  for (const id of [1, 2, 3]) tracker.reportPendingCheckpoint(id, id);
  tracker.reportCompletedCheckpoint(1, 10);
  const stats = tracker.createSnapshot();
  t.same(stats.history.map((checkpoint) => checkpoint.id), [3, 2]);
  t.same(stats.counts, { restored: 0, total: 3, in_progress: 2, completed: 1, failed: 0 });
  t.equal(stats.latest.completed?.external_path, '<checkpoint-not-externally-addressable>');
});
