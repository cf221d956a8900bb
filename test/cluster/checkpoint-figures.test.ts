// The JobMaster's figures, read as the coming REST API will read them: through the
// Dispatcher with the ClusterClient, from a real cluster of processes. A running job with
// checkpoints shows Flink's `/jobs/:jobid/checkpoints` body; a state value that cannot be
// encoded fails the job with one line naming the operator subtask and the state.
import t from 'tap';
import { connect } from 'nats';
import { ClusterClient } from '../../lib/client/cluster-client.ts';
import type { CheckpointingStatistics } from '../../lib/checkpoint/checkpoint-stats-tracker.ts';
import { startNatsServer } from '../../lib/nats/nats-server.ts';
import { runSluice, startSluice, submittedJobId } from '../helpers/sluice-process.ts';

const server = await startNatsServer();
const cluster = ['--cluster', server.url];
const env = { SLUICE_NAMESPACE: 'figures' };
const jobManager = startSluice(['jobmanager', ...cluster], { env });
const taskManager = startSluice(['taskmanager', '--slots', '2', ...cluster], { env });
const nc = await connect({ servers: server.url });
const client = await ClusterClient.start(nc, 'figures');
t.teardown(async () => {
  await client.close();
  await nc.close();
  await taskManager.stop();
  await jobManager.stop();
  await server.stop();
});
await jobManager.waitFor(/JobManager running/);
await taskManager.waitFor(/TaskManager \S+ running/);

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

t.test('a running job\'s checkpoint figures: counts, summary, latest and history with every subtask\'s durations and state size', async (t) => {
  const run = await runSluice(['run', 'test/fixtures/jobs/checkpoint-figures.ts', '--detached', ...cluster], { env });
  t.equal(run.code, 0, run.stderr);
  const jobId = submittedJobId(run.stdout);
  t.teardown(() => client.cancel(jobId).catch(() => undefined));

  const stats: CheckpointingStatistics = await until(() => client.getCheckpointStats(jobId), (s) => s.counts.completed >= 3);
  t.ok(stats.counts.total >= stats.counts.completed + stats.counts.failed, 'the total counts every checkpoint triggered');
  t.equal(stats.counts.restored, 0);
  const latest = stats.latest.completed!;
  t.match(latest, { status: 'COMPLETED', is_savepoint: false, num_subtasks: 4, num_acknowledged_subtasks: 4, external_path: '<checkpoint-not-externally-addressable>' });
  t.same(Object.keys(latest.tasks).sort(), ['numbers', 'slow-sink', 'tally']);
  t.ok(latest.state_size > 0, `the keyed tallies take ${latest.state_size} bytes`);
  t.ok(latest.end_to_end_duration >= 0 && latest.latest_ack_timestamp >= latest.trigger_timestamp);
  for (const subtask of latest.tasks.tally!.subtasks) {
    t.match(subtask, { status: 'completed', checkpoint: { sync: Number, async: Number }, alignment: { duration: Number }, start_delay: Number });
  }
  t.ok(stats.history.some((checkpoint) => checkpoint.id === latest.id), 'the latest completed checkpoint is in the history');
  t.ok(stats.summary.state_size.max >= stats.summary.state_size.min && stats.summary.state_size.min > 0);

  await client.cancel(jobId);
  await t.rejects(until(() => client.getCheckpointStats(jobId), () => false), { message: `job ${jobId} is CANCELED: its figures went with its JobMaster` });
});

t.test('per-subtask backpressure: the source before a slow sink waits for credit most of the time, the sink never does', async (t) => {
  const run = await runSluice(['run', 'test/fixtures/jobs/checkpoint-figures.ts', '--detached', ...cluster], { env });
  t.equal(run.code, 0, run.stderr);
  const jobId = submittedJobId(run.stdout);
  t.teardown(() => client.cancel(jobId).catch(() => undefined));

  const source = await until(() => client.getJobVertexBackPressure(jobId, 'numbers'), (info) => info.status === 'ok' && info['backpressure-level'] === 'high');
  t.match(source, { status: 'ok', 'backpressure-level': 'high', 'end-timestamp': Number, subtasks: [{ subtask: 0, 'attempt-number': 0, 'backpressure-level': 'high' }] });
  const sink = await until(() => client.getJobVertexBackPressure(jobId, 'slow-sink'), (info) => info.status === 'ok');
  if (sink.status !== 'ok') throw new Error('unreachable');
  t.equal(sink['backpressure-level'], 'ok', 'a sink has no output to wait for');
  t.equal(sink.subtasks[0]!.ratio, 0);
  const tally = await until(() => client.getJobVertexBackPressure(jobId, 'tally'), (info) => info.status === 'ok' && info.subtasks.length === 2);
  if (tally.status !== 'ok') throw new Error('unreachable');
  for (const subtask of tally.subtasks) t.ok(Math.abs(subtask.ratio + subtask.idleRatio + subtask.busyRatio - 1) < 0.01, 'each subtask\'s ratios add up to its whole time');
  await t.rejects(client.getJobVertexBackPressure(jobId, 'nope'), { message: `job ${jobId} has no vertex nope (its vertices: numbers, tally, slow-sink)` });
});

t.test('a state value that cannot be encoded fails the checkpoint and the job, naming the operator subtask, the state and the key', async (t) => {
  const run = await runSluice(['run', 'test/fixtures/jobs/checkpoint-figures.ts', ...cluster], { env: { ...env, SLUICE_TEST_STATE: 'function' } });
  t.not(run.code, 0);
  t.match(run.stderr, /checkpoint \d+ declined: state "tally" of "Tally" \([12]\/2\), key [0-3]: cannot encode a function/);
});
