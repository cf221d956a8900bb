// Exactly once through crashes: a job on 1 JobManager and 3 TaskManager processes reads a
// replayable source of 1,000,000 records, keeps keyed running counts in ValueState and writes
// them through a FileSink, checkpointing every 500 ms. The test SIGKILLs a TaskManager twice,
// at random moments while the job runs (after a checkpoint of the current run completed, plus
// a random delay), and starts a new one each time. The committed output must equal the
// reference exactly: for each key k, the lines "k 1" … "k 10000", each once, and no hidden
// part file left. This holds on both state backends, and through a nats-server stopped
// mid-run and started again on the same port and JetStream store. The seed of the random
// moments is printed (SLUICE_TEST_SEED reruns one).
import t, { type Test } from 'tap';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect } from 'nats';
import { decodeControl } from '../../lib/codec/control-codec.ts';
import type { JobSummary } from '../../lib/job/job-submission.ts';
import { startNatsServer, type NatsServerHandle } from '../../lib/nats/nats-server.ts';
import { startSluice, type SluiceProcess } from '../helpers/sluice-process.ts';

const total = 1_000_000;
const keys = 100;

const root = mkdtempSync(join(tmpdir(), 'sluice-exactly-once-'));
const storeDir = join(root, 'jetstream');
let server: NatsServerHandle = await startNatsServer({ storeDir });
const cluster = ['--cluster', server.url];
const fixture = 'test/fixtures/jobs/exactly-once-file-sink.ts';
const seed = Number(process.env.SLUICE_TEST_SEED ?? Date.now() % 1_000_000);
t.comment(`seed ${seed}`);
const random = mulberry32(seed);
const env = { SLUICE_NAMESPACE: 'exactly-once' };
const jobManager = startSluice(['jobmanager', ...cluster], { env });
// The LevelDB databases of SIGKILLed TaskManagers stay behind: they go with the test's directory.
const localStateDir = join(root, 'local-state');
mkdirSync(localStateDir);
const startTaskManager = () => startSluice(['taskmanager', '--slots', '1', ...cluster], { env: { ...env, SLUICE_TMP: localStateDir } });
const taskManagers: SluiceProcess[] = [startTaskManager(), startTaskManager(), startTaskManager()];
const nc = await connect({ servers: server.url });
t.teardown(async () => {
  await nc.close();
  await Promise.all(taskManagers.map((taskManager) => taskManager.stop()));
  await jobManager.stop();
  await server.stop();
  rmSync(root, { recursive: true, force: true });
});
await jobManager.waitFor(/JobManager running/);
await Promise.all(taskManagers.map((taskManager) => taskManager.waitFor(/TaskManager \S+ running/)));

for (const backend of ['hashmap', 'leveldb']) t.test(`two TaskManagers SIGKILLed under a FileSink job on the ${backend} state backend: the committed output holds every record exactly once`, async (t) => {
  const dir = join(root, backend);
  const statuses: string[] = [];
  const subscription = nc.subscribe('sluice.exactly-once.job.*.status', { callback: (_error, msg) => statuses.push(decodeControl<JobSummary>(msg.data).status) });
  t.teardown(() => subscription.unsubscribe());
  await nc.flush();
  const job = startSluice(['run', fixture, ...cluster], { env: { ...env, SLUICE_TEST_DIR: dir, SLUICE_TEST_STATE_BACKEND: backend } });
  for (const kill of [1, 2]) {
    await until(job, () => statuses.filter((status) => status === 'RUNNING').length === kill, `it ran for the ${kill === 1 ? 'first' : 'second'} time`);
    await afterNextCheckpoint(job, dir, `kill ${kill}`);
    const victim = taskManagers.splice(Math.floor(random() * 3), 1)[0]!;
    victim.child.kill('SIGKILL');
    await victim.exited;
    taskManagers.push(startTaskManager());
  }
  t.equal(await job.exited, 0, job.stderr());
  await nc.flush();
  t.same(statuses.filter((status, i) => status !== statuses[i - 1]), ['CREATED', 'RUNNING', 'RESTARTING', 'RUNNING', 'RESTARTING', 'RUNNING', 'FINISHED'], 'two restarts, then finished');
  checkOutput(t, join(dir, 'out'));
  if (backend === 'leveldb') {
    t.ok(readdirSync(localStateDir).some((name) => name.startsWith('sluice-leveldb-state-')), 'the databases live under the TaskManagers\' SLUICE_TMP (the killed ones\' are left there)');
  }
});

t.test('nats-server stopped under a FileSink job and started again on the same port and store: the committed output holds every record exactly once', async (t) => {
  const dir = join(root, 'nats-restart');
  const job = startSluice(['run', fixture, ...cluster], { env: { ...env, SLUICE_TEST_DIR: dir } });
  await afterNextCheckpoint(job, dir, 'the restart');
  await server.stop();
  await new Promise((resolve) => setTimeout(resolve, 500));
  server = await startNatsServer({ port: server.port, storeDir });
  t.equal(await job.exited, 0, job.stderr());
  checkOutput(t, join(dir, 'out'));
});

async function until(job: SluiceProcess, condition: () => boolean, what: string): Promise<void> {
  while (!condition()) {
    if (job.child.exitCode !== null) throw new Error(`the job ended (code ${job.child.exitCode}) before ${what}:\n${job.stderr()}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Waits for a checkpoint of the job's current run to complete, then a random moment of up to 1 s. */
async function afterNextCheckpoint(job: SluiceProcess, dir: string, what: string): Promise<void> {
  const checkpoints = join(dir, 'checkpoints');
  const latestCheckpoint = () => Math.max(0, ...(existsSync(checkpoints) ? readdirSync(checkpoints, { recursive: true, encoding: 'utf8' }) : [])
    .map((path) => Number(/chk-(\d+)$/.exec(path)?.[1] ?? 0)));
  const before = latestCheckpoint();
  await until(job, () => latestCheckpoint() > before, `a checkpoint completed before ${what}`);
  await new Promise((resolve) => setTimeout(resolve, random() * 1000));
}

/** Every line "k c" for c = 1 … 10,000 of each key k, each once; no in-progress or pending file left. */
function checkOutput(t: Test, out: string): void {
  const names = readdirSync(out);
  t.same(names.filter((name) => name.startsWith('.')), [], 'no hidden part file is left: uncommitted ones were discarded, the rest committed');
  const seen = new Map<string, number>();
  for (const name of names) {
    for (const line of readFileSync(join(out, name), 'utf8').split('\n')) if (line) seen.set(line, (seen.get(line) ?? 0) + 1);
  }
  const duplicated = [...seen].filter(([, times]) => times > 1).map(([line]) => line);
  const missing: string[] = [];
  for (let key = 0; key < keys; key++) {
    for (let count = 1; count <= total / keys; count++) {
      const line = `${key} ${count}`;
      if (!seen.delete(line)) missing.push(line);
    }
  }
  const unexpected = [...seen.keys()];
  const sample = (lines: string[]) => lines.slice(0, 5).join(', ') || 'none';
  t.same({ missing: missing.length, duplicated: duplicated.length, unexpected: unexpected.length }, { missing: 0, duplicated: 0, unexpected: 0 },
    `every record counted once, every line present once (missing: ${sample(missing)}; duplicated: ${sample(duplicated)}; unexpected: ${sample(unexpected)})`);
}

/** A small seeded PRNG: the same seed gives the same kill moments and victims. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let x = Math.imul(state ^ (state >>> 15), 1 | state);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}
