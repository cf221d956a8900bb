// A real cluster of processes started with the CLI: one JobManager and two TaskManagers
// with 2 slots each, the TaskManagers in another directory, without the job files.
import t from 'tap';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startNatsServer } from '../../lib/nats/nats-server.ts';
import { runSluice, startSluice, submittedJobId, type SluiceProcess } from '../helpers/sluice-process.ts';
import { expectedCounts, finalCounts } from '../helpers/wordcount-expectations.ts';

const server = await startNatsServer();
const elsewhere = mkdtempSync(join(tmpdir(), 'sluice-tm-'));
const work = mkdtempSync(join(tmpdir(), 'sluice-work-'));
// Loss detection a little faster than the default keeps the lost-TaskManager case short
// without mistaking a busy CI machine for a lost process.
const clusterEnv = { SLUICE_HEARTBEAT_INTERVAL_MS: '250', SLUICE_HEARTBEAT_TIMEOUT_MS: '2500' };
const cluster = ['--cluster', server.url];
let jobManager = startSluice(['jobmanager', ...cluster], { env: clusterEnv });
const taskManagers: SluiceProcess[] = [0, 1].map(() =>
  startSluice(['taskmanager', '--slots', '2', ...cluster], { cwd: elsewhere, env: { ...clusterEnv, SLUICE_TEST_TAG: 'taskmanager' } }));
t.teardown(async () => {
  await Promise.all(taskManagers.map((tm) => tm.stop()));
  await jobManager.stop();
  await server.stop();
  for (const dir of [elsewhere, work]) rmSync(dir, { recursive: true, force: true });
});
await jobManager.waitFor(/JobManager running/);
const tmIds = await Promise.all(taskManagers.map(async (tm) => (await tm.waitFor(/TaskManager (\S+) running/))[1]!));

/** The job's line in `sluice list --all`, with the cause line that follows a failed job's. */
async function listed(jobId: string): Promise<string> {
  const { stdout } = await runSluice(['list', '--all', ...cluster]);
  const lines = stdout.split('\n');
  const at = lines.findIndex((line) => line.includes(` : ${jobId} : `));
  if (at < 0) return '';
  return /^\s+cause: /.test(lines[at + 1] ?? '') ? `${lines[at]}\n${lines[at + 1]}` : lines[at]!;
}

t.test('WordCount at parallelism 4 over 2 TaskManagers counts exactly, and list shows it', async (t) => {
  const lines = Array.from({ length: 2_000 }, (_, i) => `alpha beta${i % 17} gamma${i % 101} delta${i % 3}`);
  writeFileSync(join(work, 'input.txt'), lines.join('\n'));
  const run = await runSluice(['run', 'samples/wordcount.ts', '-p', '4', ...cluster, '--', '--input', join(work, 'input.txt'), '--output', join(work, 'out')]);
  t.equal(run.code, 0, `exit code (stderr: ${run.stderr})`);
  const output = readdirSync(join(work, 'out')).map((file) => readFileSync(join(work, 'out', file), 'utf8')).join('');
  t.same([...finalCounts(output)].sort(), [...expectedCounts(lines)].sort(), 'final counts');
  const jobId = /Job has been submitted with JobID (\w+)/.exec(run.stderr)![1]!;
  t.match(await listed(jobId), /^\d\d\.\d\d\.\d{4} \d\d:\d\d:\d\d : \w+ : WordCount \(FINISHED\)$/, 'as `flink list -a` prints it');
});

t.test('a job sees the argv and env it was submitted with, and its global job parameters, on every TaskManager', async (t) => {
  const output = join(work, 'argv-env.txt');
  const run = await runSluice(['run', 'test/fixtures/jobs/argv-and-env.ts', ...cluster, '--', '--output', output, '--verbose'], { env: { SLUICE_TEST_TAG: 'client' } });
  t.equal(run.code, 0, `exit code (stderr: ${run.stderr})`);
  const lines = readFileSync(output, 'utf8').trim().split('\n').sort();
  t.same(lines, [1, 2, 3, 4].map((n) => `${n} tag=client args=--output ${output} --verbose output=${output}`));
});

t.test('an unbounded job runs until cancelled, then every subtask stops', async (t) => {
  const run = await runSluice(['run', 'samples/sensor-source.ts', '-p', '4', '--detached', ...cluster]);
  t.equal(run.code, 0, `exit code (stderr: ${run.stderr})`);
  const jobId = submittedJobId(run.stdout);
  await Promise.all(taskManagers.map((tm) => tm.waitFor(/\d> \{"id":"sensor_/)));
  t.match(await listed(jobId), / : Sensor rolling maximum \(RUNNING\)$/);
  const running = await runSluice(['list', ...cluster]);
  t.match(running.stdout, new RegExp(`^Waiting for response\\.\\.\\.\n-{18} Running/Restarting Jobs -{19}\n.* : ${jobId} : Sensor rolling maximum \\(RUNNING\\)\n-{62}\nNo scheduled jobs\\.\n$`), 'the running job, as `flink list` prints it');
  const cancel = await runSluice(['cancel', jobId, ...cluster]);
  t.equal(cancel.code, 0, `cancel exit code (stderr: ${cancel.stderr})`);
  t.equal(cancel.stdout, `Cancelling job ${jobId}.\nCancelled job ${jobId}.\n`);
  t.match(await listed(jobId), /\(CANCELED\)$/);
  // CANCELED is reported once every subtask has stopped: no reading may follow it.
  const printed = taskManagers.map((tm) => tm.stdout().length);
  const again = await runSluice(['run', 'samples/wordcount.ts', '-p', '4', ...cluster, '--', '--output', join(work, 'again')]);
  t.equal(again.code, 0, 'the 4 slots are free again');
  t.same(taskManagers.map((tm) => tm.stdout().length), printed, 'no output after CANCELED');
});

t.test('executeAsync against a cluster: sluice run ends with the job file, and the job runs on', async (t) => {
  const run = await runSluice(['run', 'test/fixtures/jobs/execute-async.ts', ...cluster], { env: { SLUICE_TEST_MODE: 'return' } });
  t.equal(run.code, 0, run.stderr);
  const jobId = /Job has been submitted with JobID (\w+)/.exec(run.stderr)![1]!;
  t.equal(run.stdout, `submitted ${jobId}\nstatus while running: ok\n`);
  t.match(await listed(jobId), / : ExecuteAsync \((CREATED|RUNNING)\)$/, 'the job runs on after sluice run ended');
  const cancel = await runSluice(['cancel', jobId, ...cluster]);
  t.equal(cancel.code, 0, cancel.stderr);
  t.match(await listed(jobId), /\(CANCELED\)$/);
});

t.test('cancelling a job that is still deploying ends it at once', async (t) => {
  const run = await runSluice(['run', 'samples/sensor-source.ts', '-p', '4', '--detached', ...cluster]);
  const jobId = submittedJobId(run.stdout);
  const cancel = await runSluice(['cancel', jobId, ...cluster]);
  t.equal(cancel.stdout, `Cancelling job ${jobId}.\nCancelled job ${jobId}.\n`, `cancel output (stderr: ${cancel.stderr})`);
});

t.test('a JobManager killed with SIGKILL: its job stops, and a new JobManager gets every slot back', async (t) => {
  const run = await runSluice(['run', 'samples/sensor-source.ts', '-p', '4', '--detached', ...cluster]);
  t.equal(run.code, 0, `exit code (stderr: ${run.stderr})`);
  await Promise.all(taskManagers.map((tm) => tm.waitFor(/\d> \{"id":"sensor_/)));
  jobManager.child.kill('SIGKILL');
  await jobManager.exited;
  jobManager = startSluice(['jobmanager', ...cluster], { env: clusterEnv });
  await jobManager.waitFor(/JobManager running/);
  // Slots whose JobMaster is gone are freed (death watch), and TaskManagers register anew.
  const again = await runSluice(['run', 'samples/wordcount.ts', '-p', '4', ...cluster, '--', '--output', join(work, 'after-jm-loss')]);
  t.equal(again.code, 0, `a job needing all 4 slots runs (stderr: ${again.stderr})`);
});

t.test('a TaskManager killed with SIGKILL fails its job with a reason naming it', async (t) => {
  const run = await runSluice(['run', 'samples/sensor-source.ts', '-p', '4', '--detached', ...cluster]);
  const jobId = submittedJobId(run.stdout);
  await Promise.all(taskManagers.map((tm) => tm.waitFor(new RegExp(`sensor_`))));
  taskManagers[0]!.child.kill('SIGKILL');
  const failed = await new Promise<string>((resolve, reject) => {
    const deadline = Date.now() + 15_000;
    const poll = async () => {
      const line = await listed(jobId);
      if (/FAILED/.test(line)) resolve(line);
      else if (Date.now() > deadline) reject(new Error(`job not FAILED after 15 s: ${line}`));
      else setTimeout(poll, 200);
    };
    void poll();
  });
  t.match(failed, new RegExp(`\\(FAILED\\)\n    cause: .*TaskManager ${tmIds[0]} \\(host \\S+, pid \\d+\\) lost: no heartbeat for \\d+ ms`));
});
