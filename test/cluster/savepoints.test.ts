// Savepoints end to end, with the CLI against a real cluster (and the embedded one): stop a
// keyed running count with a savepoint at parallelism 2 and resume it at parallelism 3, and
// every running count is emitted exactly once, as an uninterrupted run emits them, and the
// event-time window fires once, at the end, over all records; `stop --drain` fires it; a
// savepoint of a running job that is then cancelled (one that cannot be written fails
// alone); the restore refuses state whose uid the job lacks unless --allowNonRestoredState;
// a missing savepoint is one clear line.
import t from 'tap';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readCheckpointDirectory } from '../../lib/checkpoint/leveldb-checkpoint-storage.ts';
import { startNatsServer } from '../../lib/nats/nats-server.ts';
import { runSluice, startSluice, submittedJobId } from '../helpers/sluice-process.ts';

const job = 'test/fixtures/jobs/savepoint-keyed-count.ts';
const total = 12_000;
const keys = 6;

const server = await startNatsServer();
const cluster = ['--cluster', server.url];
const dir = mkdtempSync(join(tmpdir(), 'sluice-savepoints-'));
const savepoints = join(dir, 'savepoints');
const env = { SLUICE_NAMESPACE: 'savepoints' };
const jobManager = startSluice(['jobmanager', ...cluster], { env });
const taskManager = startSluice(['taskmanager', '--slots', '3', ...cluster], { env });
t.teardown(async () => {
  await taskManager.stop();
  await jobManager.stop();
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
});
await jobManager.waitFor(/JobManager running/);
await taskManager.waitFor(/TaskManager \S+ running/);

/** A fresh output directory for one run of the job. */
function outputDir(name: string): string {
  const path = join(dir, name);
  mkdirSync(path);
  return path;
}

const linesOf = (output: string, file: string): string[] => (existsSync(join(output, file)) ? readFileSync(join(output, file), 'utf8').split('\n').filter(Boolean) : []);
const countLines = (output: string): string[] => linesOf(output, 'counts');

async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 20));
}

/** Submits the job detached, slowed to last about 30 s, and waits until it has emitted some counts; resolves with its id. */
async function startJob(output: string, parallelism: number): Promise<string> {
  const slow = { ...env, SLUICE_TEST_DIR: output, SLUICE_TEST_PAUSE_MS: '25' };
  const { code, stdout, stderr } = await runSluice(['run', '-d', '-p', String(parallelism), job, ...cluster], { env: slow });
  if (code !== 0) throw new Error(`sluice run -d failed: ${stderr}`);
  await until(() => countLines(output).length >= 300);
  return submittedJobId(stdout);
}

const savepointPathIn = (stdout: string): string => /^Savepoint completed\. Path: (\S+)$/m.exec(stdout)?.[1] ?? '';

let stoppedSavepoint = '';

t.test('stop with a savepoint at parallelism 2, resume at parallelism 3: every running count exactly once', async (t) => {
  const output = outputDir('round-trip');
  const jobId = await startJob(output, 2);
  // Directories as Flink users name them, file:// URIs.
  const stop = await runSluice(['stop', jobId, '--savepointPath', `file://${savepoints}`, ...cluster], { env });
  t.equal(stop.code, 0, stop.stderr);
  t.match(stop.stderr, new RegExp(`^Suspending job "${jobId}" with a savepoint\\.\n`), 'as flink stop prints it');
  stoppedSavepoint = savepointPathIn(stop.stdout);
  t.match(stoppedSavepoint, new RegExp(`^${savepoints}/savepoint-${jobId.slice(0, 6)}-[0-9a-f]{12}$`), 'the path, as Flink prints it');
  const list = await runSluice(['list', '--all', ...cluster], { env });
  t.match(list.stdout, new RegExp(` : ${jobId} : .* \\(FINISHED\\)\n`), 'the stopped job is FINISHED');
  const beforeResume = countLines(output).length;
  t.ok(beforeResume > 0 && beforeResume < total, `stopped midway (${beforeResume} of ${total} counts)`);
  t.same(linesOf(output, 'windows'), [], 'without --drain the event-time window did not fire');

  const resume = await runSluice(['run', '-p', '3', '--fromSavepoint', `file://${stoppedSavepoint}`, job, ...cluster], { env: { ...env, SLUICE_TEST_DIR: output } });
  t.equal(resume.code, 0, resume.stderr);
  const expected = Array.from({ length: keys }, (_, key) => Array.from({ length: total / keys }, (_, i) => `${key} ${i + 1}`)).flat().sort();
  t.same(countLines(output).sort(), expected, 'the two runs together emitted what one uninterrupted run emits');
  t.same(linesOf(output, 'windows').sort(), Array.from({ length: keys }, (_, key) => `${key} ${total / keys}`), 'the window held its contents through the savepoint');
});

t.test('stop --drain fires the event-time window over what came before the savepoint', async (t) => {
  const output = outputDir('drain');
  const jobId = await startJob(output, 2);
  const stop = await runSluice(['stop', jobId, '--drain', '--savepointPath', savepoints, ...cluster], { env });
  t.equal(stop.code, 0, stop.stderr);
  const windows = linesOf(output, 'windows');
  t.equal(windows.length, keys, 'one window result per key');
  const windowed = windows.reduce((sum, line) => sum + Number(line.split(' ')[1]), 0);
  t.equal(windowed, countLines(output).length, 'over exactly the records counted before the savepoint');
  t.ok(windowed < total, `stopped midway (${windowed} of ${total})`);
});

t.test('a savepoint of a running job, which goes on until cancelled; unknown jobs and a missing directory are refused', async (t) => {
  const output = outputDir('running');
  const jobId = await startJob(output, 2);
  const noDirectory = await runSluice(['savepoint', jobId, ...cluster], { env });
  t.equal(noDirectory.code, 1);
  t.match(noDirectory.stderr, /^sluice: job \S+: no savepoint directory was given and state\.savepoints\.dir is not set/m);

  const notADirectory = join(dir, 'not-a-directory');
  writeFileSync(notADirectory, '');
  const unwritable = await runSluice(['savepoint', jobId, notADirectory, ...cluster], { env });
  t.equal(unwritable.code, 1);
  t.match(unwritable.stderr, /^sluice: savepoint \d+ could not be stored: .*not-a-directory/m, 'a savepoint that cannot be written fails alone');

  const savepoint = await runSluice(['savepoint', jobId, savepoints, ...cluster], { env });
  t.equal(savepoint.code, 0, savepoint.stderr);
  const path = savepointPathIn(savepoint.stdout);
  t.equal(savepoint.stdout, `Savepoint completed. Path: ${path}\nYou can resume your program from this savepoint with the run command.\n`, 'as flink savepoint prints it');
  const stored = await readCheckpointDirectory(path);
  t.ok(stored.operators.counts!.keyGroups.length > 0, 'the savepoint holds the keyed counts');
  t.not(stored.operators.numbers!.subtaskStates[0], undefined, "and the source's position");

  const cancel = await runSluice(['cancel', jobId, ...cluster], { env });
  t.equal(cancel.code, 0, cancel.stderr);
  t.ok(existsSync(path), 'a cancelled job keeps its savepoints');
  t.ok(countLines(output).length < total, 'the job ran on after its savepoint until cancelled');

  const unknown = await runSluice(['savepoint', 'no-such-job', savepoints, ...cluster], { env });
  t.equal(unknown.code, 1);
  t.equal(unknown.stderr.trim().split('\n').at(-1), 'sluice: no job no-such-job');
});

t.test('state whose uid the job lacks is refused unless --allowNonRestoredState (embedded cluster)', async (t) => {
  const output = outputDir('renamed');
  const renamed = { SLUICE_TEST_DIR: output, SLUICE_TEST_COUNT_UID: 'renamed-counts' };
  const refused = await runSluice(['run', '--fromSavepoint', stoppedSavepoint, job], { env: renamed });
  t.equal(refused.code, 1);
  t.match(refused.stderr, new RegExp(`savepoint ${stoppedSavepoint} holds state of operator counts, which the job does not have .*--allowNonRestoredState`));
  t.same(countLines(output), [], 'nothing ran');

  const allowed = await runSluice(['run', '--fromSavepoint', stoppedSavepoint, '--allowNonRestoredState', job], { env: renamed });
  t.equal(allowed.code, 0, allowed.stderr);
  const lines = countLines(output);
  t.ok(lines.length > 0 && lines.length < total, `the source resumed from its position (${lines.length} counts)`);
  t.ok(lines.includes('0 1'), 'the renamed count started afresh');
});

t.test('a missing savepoint path is one line naming it', async (t) => {
  const missing = join(dir, 'savepoint-missing');
  const result = await runSluice(['run', '--fromSavepoint', missing, job, ...cluster], { env: { ...env, SLUICE_TEST_DIR: outputDir('missing') } });
  t.equal(result.code, 1);
  t.match(result.stderr, new RegExp(`^sluice: job \\S+ FAILED: checkpoint directory ${missing} does not exist$`, 'm'));
  const remote = await runSluice(['run', '--fromSavepoint', 'hdfs:///savepoints/savepoint-1', job, ...cluster], { env: { ...env, SLUICE_TEST_DIR: outputDir('remote') } });
  t.equal(remote.code, 1);
  t.equal(remote.stderr, "sluice: --fromSavepoint: 'hdfs:///savepoints/savepoint-1' is on a hdfs:// file system; Sluice reads and writes local directories only (a path or a file:// URI)\n");
});
