// `sluice run` with no cluster address: the embedded local cluster, as a user runs it.
// Stopping it with signals is in cli-signals.test.ts.
import t from 'tap';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runSluice } from '../helpers/sluice-process.ts';
import { expectedCounts, finalCounts } from '../helpers/wordcount-expectations.ts';

t.test('WordCount on the embedded cluster prints the right counts', async (t) => {
  const { code, stdout, stderr } = await runSluice(['run', 'samples/wordcount.ts']);
  t.equal(code, 0, `exit code (stderr: ${stderr})`);
  const counts = finalCounts(stdout);
  t.equal(counts.size, 52, 'distinct words');
  t.equal([...counts.values()].reduce((a, b) => a + b, 0), 87, 'words in all');
  t.same([counts.get('to'), counts.get('the'), counts.get('sleep'), counts.get('be')], [13, 6, 4, 3], 'to, the, sleep, be');
  t.match(stderr, /^Job has been submitted with JobID [0-9a-f]{32}\n/, 'Flink\'s line for the submission');
  t.match(stderr, /\nProgram execution finished\nJob with JobID [0-9a-f]{32} has finished\.\nJob Runtime: \d+ ms\n$/, 'and for the end');
});

t.test('WordCount at parallelism 4 reads two files (--input twice, as Flink\'s) and writes one file per sink subtask', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'sluice-wc-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const lines = Array.from({ length: 400 }, (_, i) => `line ${i % 7} of the file, word${i % 13} and word${i % 5}`);
  writeFileSync(join(dir, 'input-1.txt'), lines.slice(0, 150).join('\n') + '\n');
  writeFileSync(join(dir, 'input-2.txt'), lines.slice(150).join('\n') + '\n');
  const { code, stderr } = await runSluice(['run', 'samples/wordcount.ts', '--parallelism', '4', '--', '--input', join(dir, 'input-1.txt'), '--input', join(dir, 'input-2.txt'), '--output', join(dir, 'out')]);
  t.equal(code, 0, `exit code (stderr: ${stderr})`);
  const files = readdirSync(join(dir, 'out')).sort();
  t.same(files, ['1', '2', '3', '4'], 'a file per sink subtask');
  const output = files.map((file) => readFileSync(join(dir, 'out', file), 'utf8')).join('');
  t.same([...finalCounts(output)].sort(), [...expectedCounts(lines)].sort(), 'final counts');
});

t.test('the rolling maximum of the parallel SensorSource covers 10 sensors per subtask', async (t) => {
  const { code, stdout, stderr } = await runSluice(['run', 'samples/sensor-source.ts', '-p', '2', '--', '--rounds', '3']);
  t.equal(code, 0, `exit code (stderr: ${stderr})`);
  const sensors = new Set([...stdout.matchAll(/"id":"(sensor_\d+)"/g)].map((match) => match[1]));
  t.equal(sensors.size, 20, 'sensor_0 … sensor_19');
  t.equal(stdout.trim().split('\n').length, 60, 'a rolling update per reading: 20 sensors × 3 rounds');
  t.match(stdout, /^[12]> \{"id":"sensor_\d+","timestamp":\d+,"temperature":-?\d/m, 'Celsius readings with the subtask prefix');
});

t.test('slot sharing groups: the embedded cluster has a slot for each, and a group\'s subtasks never share a thread with another group\'s', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'sluice-ssg-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const output = join(dir, 'out.txt');
  const { code, stderr } = await runSluice(['run', 'test/fixtures/jobs/slot-sharing-groups.ts', '--', '--output', output]);
  t.equal(code, 0, `exit code (stderr: ${stderr})`);
  const lines = readFileSync(output, 'utf8').trim().split('\n');
  t.equal(lines.length, 40, 'every record arrived');
  const threads = new Map<string, Set<string>>();
  for (const line of lines) {
    for (const [, subtask, thread] of line.matchAll(/ (\w+\d)=(\d+)/g)) (threads.get(subtask!) ?? threads.set(subtask!, new Set()).get(subtask!)!).add(thread!);
  }
  t.same([...threads.keys()].sort(), ['main0', 'main1', 'side0', 'side1', 'source0'], 'both subtasks of each map saw records');
  const threadOf = (subtask: string) => [...threads.get(subtask)!].join();
  t.equal(threadOf('source0'), threadOf('main0'), 'subtask 0 of the default group\'s tasks share a slot\'s thread');
  const side = [threadOf('side0'), threadOf('side1')];
  const main = [threadOf('source0'), threadOf('main0'), threadOf('main1')];
  t.equal(new Set([...side, ...main]).size, 4, `four threads: two per group (side ${side}, default ${main})`);
});

t.test('fromSequence splits its range into one ascending part per subtask, every number once; from > to is refused', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'sluice-seq-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const output = join(dir, 'out.txt');
  const { code, stderr } = await runSluice(['run', 'test/fixtures/jobs/sequence.ts', '--', '--from', '1', '--to', '1000', '--output', output]);
  t.equal(code, 0, `exit code (stderr: ${stderr})`);
  const parts: number[][] = [[], [], []];
  for (const line of readFileSync(output, 'utf8').trim().split('\n')) {
    const [subtask, n] = line.split(' ').map(Number);
    parts[subtask!]!.push(n!);
  }
  const range = (first: number, last: number) => Array.from({ length: last - first + 1 }, (_, i) => first + i);
  t.same(parts, [range(1, 334), range(335, 667), range(668, 1000)], 'subtask 0 emits 1..334, 1 emits 335..667, 2 emits 668..1000, each in order');

  const refused = await runSluice(['run', 'test/fixtures/jobs/sequence.ts', '--', '--from', '5', '--to', '1', '--output', output]);
  t.not(refused.code, 0);
  t.match(refused.stderr, /sequence\.ts.*fromSequence\(5, 1\): 'from' must be <= 'to'/s);
});

t.test('RuntimeExecutionMode: BATCH (set or configured) emits each key\'s final count only, STREAMING every update, AUTOMATIC picks BATCH for bounded sources; BATCH refuses an unbounded source', async (t) => {
  const run = (...args: string[]) => runSluice(['run', 'test/fixtures/jobs/batch-mode.ts', '--', ...args]);
  const lines = (stdout: string) => stdout.trim().split('\n').map((line) => line.replace(/^\d+> /, '')).sort();
  for (const mode of ['BATCH', 'config', 'AUTOMATIC']) {
    const { code, stdout, stderr } = await run('--mode', mode);
    t.equal(code, 0, stderr);
    t.same(lines(stdout), ['a=4', 'b=2', 'c=1'], `${mode}: one final count per word`);
  }
  const streaming = await run('--mode', 'STREAMING');
  t.equal(streaming.code, 0, streaming.stderr);
  t.same(lines(streaming.stdout), ['a=1', 'a=2', 'a=3', 'a=4', 'b=1', 'b=2', 'c=1'], 'STREAMING: every rolling update');

  const unbounded = await run('--mode', 'BATCH', '--source', 'unbounded');
  t.equal(unbounded.code, 1);
  t.match(unbounded.stderr, /batch-mode\.ts.*Detected an UNBOUNDED source \('Words'\) with the 'execution\.runtime-mode' set to 'BATCH'/s);
  const automatic = await run('--mode', 'AUTOMATIC', '--source', 'unbounded');
  t.equal(automatic.code, 0, automatic.stderr);
  t.same(lines(automatic.stdout), ['a=1', 'a=2', 'b=1'], 'AUTOMATIC with an unbounded source: STREAMING');
});

t.test('AsyncDataStream.orderedWait in a job: every lookup once and in order per subtask, through a restore with requests in flight', async (t) => {
  const { code, stdout, stderr } = await runSluice(['run', 'test/fixtures/jobs/async-io.ts']);
  t.equal(code, 0, stderr);
  // The sum of the squares of 1..2000.
  t.equal(stdout, '2000 records, 2000 distinct, sum 2668667000, in order per subtask\n');
  t.match(stderr, /is RESTARTING/, 'the map failed once and the job restarted from a checkpoint');
});

t.test('sluice run -D key=value configures the job as flink run -D does; a malformed or wrong one is refused by name', async (t) => {
  const job = 'test/fixtures/jobs/batch-mode.ts';
  const lines = (stdout: string) => stdout.trim().split('\n').map((line) => line.replace(/^\d+> /, '')).sort();
  const batch = await runSluice(['run', '-Dexecution.runtime-mode=BATCH', job, '--', '--mode', 'default']);
  t.equal(batch.code, 0, batch.stderr);
  t.same(lines(batch.stdout), ['a=4', 'b=2', 'c=1'], 'BATCH from -D: one final count per word');
  const streaming = await runSluice(['run', '-D', 'execution.runtime-mode=STREAMING', '-D', 'restart-strategy=none', job, '--', '--mode', 'default']);
  t.equal(streaming.code, 0, streaming.stderr);
  t.equal(lines(streaming.stdout).length, 7, 'STREAMING: every rolling update');

  const malformed = await runSluice(['run', '-Dexecution.runtime-mode', job, '--', '--mode', 'default']);
  t.equal(malformed.code, 1);
  t.match(malformed.stderr, /^sluice run: -D: execution\.runtime-mode is not a key=value pair \(e\.g\. -Dexecution\.runtime-mode=BATCH\)$/m);
  const wrong = await runSluice(['run', '-Dexecution.checkpointing.interval=often', job, '--', '--mode', 'default']);
  t.equal(wrong.code, 1);
  t.match(wrong.stderr, /batch-mode\.ts.*execution\.checkpointing\.interval: 'often' is not a duration/s);
});

t.test('executeAsync: the job file goes on while its job runs, and its JobClient follows and steers the job', async (t) => {
  const finished = await runSluice(['run', 'test/fixtures/jobs/execute-async.ts'], { env: { SLUICE_TEST_MODE: 'result' } });
  t.equal(finished.code, 0, finished.stderr);
  const jobId = /Job has been submitted with JobID (\w+)/.exec(finished.stderr)![1]!;
  t.equal(finished.stdout, `submitted ${jobId}\nstatus while running: ok\nresult of this job: seen 1000\nstatus at the end: FINISHED\n`);
  t.notMatch(finished.stderr, /Program execution finished/, 'as in Flink, executeAsync() prints no end of its own');

  const cancelled = await runSluice(['run', 'test/fixtures/jobs/execute-async.ts'], { env: { SLUICE_TEST_MODE: 'cancel' } });
  t.equal(cancelled.code, 0, `a job the job file cancelled ends as it meant (stderr: ${cancelled.stderr})`);
  t.match(cancelled.stdout, /\nresult after cancel: Job execution failed: job \w+ CANCELED\n$/);

  const thrown = await runSluice(['run', 'test/fixtures/jobs/execute-async.ts'], { env: { SLUICE_TEST_MODE: 'throw' } });
  t.equal(thrown.code, 1);
  t.match(thrown.stderr, /\nsluice: job file test\/fixtures\/jobs\/execute-async\.ts: line \d+: failed after env\.execute\(\): the job file gives up\n/, 'the error, naming the job file');
  t.match(thrown.stderr, /is CANCELED\n/, 'and the embedded cluster cancels the job before it stops');
});
