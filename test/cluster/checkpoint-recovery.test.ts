// Exactly-once state through a failure: a keyed running count with checkpoints fails once,
// in a map or by the SIGKILL of its TaskManager (a new one joins); the JobMaster restarts the whole job (RESTARTING, then RUNNING again) from the
// latest completed checkpoint, the source resumes from its checkpointed position, and every
// key's final count is exactly what an uninterrupted run counts, on the heap and on the
// LevelDB state backend.
import t, { type Test } from 'tap';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect } from 'nats';
import { decodeControl } from '../../lib/codec/control-codec.ts';
import type { JobSummary } from '../../lib/job/job-submission.ts';
import { startNatsServer } from '../../lib/nats/nats-server.ts';
import { runSluice, startSluice, type SluiceProcess } from '../helpers/sluice-process.ts';
import { hasCompletedCheckpoint } from '../helpers/checkpoint-directories.ts';

const server = await startNatsServer();
const cluster = ['--cluster', server.url];
const dir = mkdtempSync(join(tmpdir(), 'sluice-recovery-'));
// Where the TaskManagers' LevelDB state backends make their databases.
const localStateDir = join(dir, 'tmp');
mkdirSync(localStateDir);
const env = { SLUICE_NAMESPACE: 'recovery', SLUICE_TEST_DIR: dir, SLUICE_TMP: localStateDir };
const jobManager = startSluice(['jobmanager', ...cluster], { env });
const taskManagers: SluiceProcess[] = [startSluice(['taskmanager', '--slots', '2', ...cluster], { env })];
const nc = await connect({ servers: server.url });
t.teardown(async () => {
  await nc.close();
  for (const taskManager of taskManagers) await taskManager.stop();
  await jobManager.stop();
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
});
await jobManager.waitFor(/JobManager running/);
await taskManagers[0]!.waitFor(/TaskManager \S+ running/);

t.test('a job that fails once restarts from its latest checkpoint and counts every record exactly once', async (t) => {
  const statuses = followStatuses('sluice.recovery.job.*.status');
  await nc.flush();

  const { code, stderr } = await runSluice(['run', 'test/fixtures/jobs/keyed-count-fails-once.ts', ...cluster], { env });
  t.equal(code, 0, stderr);
  await nc.flush();
  t.ok(existsSync(join(dir, 'failed')), 'the map failed once');
  t.same(statuses.filter((status, i) => status !== statuses[i - 1]), ['CREATED', 'RUNNING', 'RESTARTING', 'RUNNING', 'FINISHED']);

  checkExactlyOnce(t, dir);
});

t.test('keyed state larger than the server\'s max payload is checkpointed and restored whole', async (t) => {
  const jobDir = join(dir, 'large-state');
  mkdirSync(jobDir);
  const { code, stderr } = await runSluice(['run', 'test/fixtures/jobs/large-state-fails-once.ts', ...cluster], { env: { ...env, SLUICE_TEST_DIR: jobDir } });
  t.equal(code, 0, stderr);
  t.ok(existsSync(join(jobDir, 'failed')), 'the map failed once, after a checkpoint of all 120,000 keys');
  const counts = readFileSync(join(jobDir, 'seen'), 'utf8').trim().split('\n').map(Number);
  t.equal(counts.reduce((a, b) => Math.max(a, b), 0), 60_000, 'after the restore every key was known: 60,000 records had a key seen before');
});

t.test('on the LevelDB state backend, a job that fails once restarts from its latest checkpoint and counts every record exactly once', async (t) => {
  const jobDir = join(dir, 'leveldb');
  mkdirSync(jobDir);
  const statuses = followStatuses('sluice.recovery.job.*.status');
  await nc.flush();
  const job = startSluice(['run', 'test/fixtures/jobs/keyed-count-fails-once.ts', ...cluster], { env: { ...env, SLUICE_TEST_DIR: jobDir, SLUICE_TEST_STATE_BACKEND: 'leveldb', SLUICE_TEST_FAIL: 'after-checkpoint' } });
  await until(() => readdirSync(localStateDir).some((name) => name.startsWith('sluice-leveldb-state-')));
  t.pass('the keyed subtasks opened LevelDB databases');
  t.equal(await job.exited, 0, job.stderr());
  await nc.flush();
  t.ok(existsSync(join(jobDir, 'failed')), 'the map failed once');
  t.same(statuses.filter((status, i) => status !== statuses[i - 1]), ['CREATED', 'RUNNING', 'RESTARTING', 'RUNNING', 'FINISHED']);
  checkExactlyOnce(t, jobDir);
  t.same(readdirSync(localStateDir), [], 'every task removed its database directory when it ended');
});

t.test('a TaskManager lost to SIGKILL: the job restarts on a new one from its latest checkpoint and counts every record exactly once', async (t) => {
  const jobDir = join(dir, 'lost-tm');
  mkdirSync(jobDir);
  const statuses = followStatuses('sluice.recovery.job.*.status');
  await nc.flush();
  const job = startSluice(['run', 'test/fixtures/jobs/keyed-count-fails-once.ts', ...cluster], { env: { ...env, SLUICE_TEST_DIR: jobDir, SLUICE_TEST_FAIL: 'never' } });
  // Once a checkpoint is complete, the TaskManager running every subtask is killed.
  const checkpoints = join(jobDir, 'checkpoints');
  await until(() => hasCompletedCheckpoint(checkpoints));
  taskManagers[0]!.child.kill('SIGKILL');
  taskManagers.push(startSluice(['taskmanager', '--slots', '2', ...cluster], { env }));
  t.equal(await job.exited, 0, job.stderr());
  await nc.flush();
  t.same(statuses.filter((status, i) => status !== statuses[i - 1]), ['CREATED', 'RUNNING', 'RESTARTING', 'RUNNING', 'FINISHED']);
  checkExactlyOnce(t, jobDir);
});

function followStatuses(subject: string): string[] {
  const statuses: string[] = [];
  nc.subscribe(subject, { callback: (_error, msg) => statuses.push(decodeControl<JobSummary>(msg.data).status) });
  return statuses;
}

async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 20));
}

/** The new attempts resumed past the start, every key's final count is exact, and the finished job's checkpoints are gone. */
function checkExactlyOnce(t: Test, jobDir: string): void {
  const resumedAt = readdirSync(jobDir).filter((name) => name.startsWith('resumed-')).map((name) => Number(readFileSync(join(jobDir, name), 'utf8')));
  t.ok(resumedAt.length > 0 && resumedAt.every((n) => n > 0), `the restored source resumed past the start (${resumedAt.join(', ')})`);
  const finalCounts = new Map<number, number>();
  for (const line of readFileSync(join(jobDir, 'counts'), 'utf8').trim().split('\n')) {
    const [key, count] = line.split(' ').map(Number) as [number, number];
    finalCounts.set(key, Math.max(finalCounts.get(key) ?? 0, count));
  }
  t.same([...finalCounts].sort(([a], [b]) => a - b), [0, 1, 2, 3, 4].map((key) => [key, 20_000]), 'each key counted 20,000 times: no record lost, none counted twice');
  t.same(readdirSync(join(jobDir, 'checkpoints')), [], 'a finished job\'s checkpoints and its directory are discarded');
}
