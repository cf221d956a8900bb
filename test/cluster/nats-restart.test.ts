// Through a nats-server restart: a keyed running count with checkpoints every 500 ms runs on
// a JobManager and two TaskManagers; the test stops nats-server mid-run and starts it again
// on the same port and JetStream directory, at once and after an outage. Every process reconnects, the JobMaster (and each
// slot worker) hears that messages in flight may be lost and the job restarts from its latest
// checkpoint, `sluice run` follows it to the end, and the output is exact. The cluster then
// runs another job: the TaskManagers are registered and the artifact store works.
import t from 'tap';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startNatsServer, type NatsServerHandle } from '../../lib/nats/nats-server.ts';
import { runSluice, startSluice, type SluiceProcess } from '../helpers/sluice-process.ts';
import { hasCompletedCheckpoint } from '../helpers/checkpoint-directories.ts';

const job = 'test/fixtures/jobs/keyed-count-through-nats-restart.ts';
const keys = 5;
const storeDir = mkdtempSync(join(tmpdir(), 'sluice-nats-restart-js-'));
const dir = mkdtempSync(join(tmpdir(), 'sluice-nats-restart-'));
let server: NatsServerHandle = await startNatsServer({ storeDir });
const cluster = ['--cluster', server.url];
const env = { SLUICE_NAMESPACE: 'natsrestart', SLUICE_TEST_DIR: dir };
// The failover shows in the JobManager's warnings, whatever level the suite runs at.
const jobManager = startSluice(['jobmanager', ...cluster], { env: { ...env, SLUICE_LOG_LEVEL: 'warn' } });
const taskManagers: SluiceProcess[] = [0, 1].map(() => startSluice(['taskmanager', '--slots', '1', ...cluster], { env }));
t.teardown(async () => {
  for (const taskManager of taskManagers) await taskManager.stop();
  await jobManager.stop();
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
  rmSync(storeDir, { recursive: true, force: true });
});
await jobManager.waitFor(/JobManager running/);
await Promise.all(taskManagers.map((tm) => tm.waitFor(/TaskManager \S+ running/)));

// A quick restart, and an outage longer than the heartbeat timeout (3 s), after which the
// ResourceManager has declared both TaskManagers lost and they register again.
for (const outageMs of [0, 4_000]) {
  t.test(`a job through a nats-server restart (${outageMs} ms down) resumes from its latest checkpoint and its output is exact`, async (t) => {
    const jobDir = join(dir, `outage-${outageMs}`);
    mkdirSync(jobDir);
    const run = startSluice(['run', job, ...cluster], { env: { ...env, SLUICE_TEST_DIR: jobDir } });
    const checkpoints = join(jobDir, 'checkpoints');
    await until(() => hasCompletedCheckpoint(checkpoints));
    const failovers = jobManager.stderr().match(/job fails over after a NATS reconnect|execution failed|executions failed with their TaskManager/g)?.length ?? 0;
    await server.stop();
    await new Promise((resolve) => setTimeout(resolve, outageMs));
    server = await startNatsServer({ port: server.port, storeDir });

    t.equal(await run.exited, 0, run.stderr());
    // Statuses published while the client itself reconnects may pass it by; its polling still finds the end.
    t.match(run.stderr(), /is FINISHED\nProgram execution finished\nJob with JobID \w+ has finished\.\nJob Runtime: \d+ ms\n$/, '`sluice run` followed the job to its end');
    t.ok((jobManager.stderr().match(/job fails over after a NATS reconnect|execution failed|executions failed with their TaskManager/g)?.length ?? 0) > failovers, 'the JobMaster failed the job over');
    const resumedAt = readdirSync(jobDir).filter((name) => name.startsWith('resumed-')).map((name) => Number(readFileSync(join(jobDir, name), 'utf8')));
    t.ok(resumedAt.some((n) => n > 0), `a restored map resumed past the start (${resumedAt.join(', ')})`);

    const lines = new Set(readFileSync(join(jobDir, 'counts'), 'utf8').split('\n').filter(Boolean));
    const expected = new Set(Array.from({ length: keys }, (_, key) => Array.from({ length: 100_000 / keys }, (_, i) => `${key} ${i + 1}`)).flat());
    const missing = [...expected].filter((line) => !lines.has(line));
    const extra = [...lines].filter((line) => !expected.has(line));
    t.same({ missing: missing.slice(0, 5), extra: extra.slice(0, 5) }, { missing: [], extra: [] },
      `every key counted 1 … 20,000, nothing else (${missing.length} lines missing, ${extra.length} unexpected)`);
  });
}

t.test('after the restart the cluster runs a new job', async (t) => {
  const quickDir = join(dir, 'quick');
  mkdirSync(quickDir);
  const { code, stderr } = await runSluice(['run', job, ...cluster], { env: { ...env, SLUICE_TEST_DIR: quickDir, SLUICE_TEST_TOTAL: '1000' } });
  t.equal(code, 0, stderr);
  const lines = new Set(readFileSync(join(quickDir, 'counts'), 'utf8').split('\n').filter(Boolean));
  t.ok([0, 1, 2, 3, 4].every((key) => lines.has(`${key} 200`)), 'each key counted 200 times');
});

async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 20));
}
