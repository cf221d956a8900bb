// `sluice run` on the embedded cluster, stopped as a user stops it: Ctrl-C in a terminal
// (SIGINT to the whole process group) or a kill -9. Neither may leave a nats-server behind.
import t, { type Test } from 'tap';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSluice } from '../helpers/sluice-process.ts';
import { descendants, untilGone } from '../helpers/process-tree.ts';

/** Starts the unbounded SensorSource job and waits for its first reading. */
async function runningSensorJob(t: Test) {
  const run = startSluice(['run', 'samples/sensor-source.ts', '-p', '2'], { processGroup: true });
  t.teardown(() => run.stop());
  await run.waitFor(/\d> \{"id":"sensor_/);
  const server = descendants(run.child.pid!).find((entry) => entry.command[0] === 'nats-server');
  if (!server) throw new Error(`no nats-server below sluice run (pid ${run.child.pid})`);
  const storeDir = server.command[server.command.indexOf('-sd') + 1]!;
  return { run, server: server.pid, storeDir, processes: descendants(run.child.pid!).map((entry) => entry.pid) };
}

t.test('Ctrl-C cancels the job, prints its status, and stops the embedded server last', async (t) => {
  const { run, server, storeDir } = await runningSensorJob(t);
  process.kill(-run.child.pid!, 'SIGINT');
  const code = await Promise.race([
    run.exited,
    new Promise((_, reject) => setTimeout(() => reject(new Error(`sluice run still running 15 s after SIGINT:\n${run.stderr()}`)), 15_000)),
  ]);
  t.equal(code, 1, 'a cancelled job is not a success');
  const lines = run.stderr().trim().split('\n');
  t.match(lines.slice(-3), [/^Job \w+ is CANCELLING$/, /^Job \w+ is CANCELED$/, /^sluice: job \w+ CANCELED$/]);
  t.notMatch(run.stderr(), /^\s+at /m, 'no stack trace');
  await untilGone([server], 5_000);
  t.notOk(existsSync(storeDir), 'the JetStream directory is removed');
});

t.test('SIGKILL of sluice run leaves no nats-server and no JetStream directory', async (t) => {
  const { run, server, storeDir, processes } = await runningSensorJob(t);
  run.child.kill('SIGKILL');
  await run.exited;
  await untilGone(processes, 5_000);
  t.pass(`nats-server (pid ${server}) and every other process of the run are gone`);
  t.notOk(existsSync(storeDir), 'the JetStream directory is removed');
});

t.test('a slot worker stopped while it evaluates the job file leaves no job file behind', async (t) => {
  const localDir = mkdtempSync(join(tmpdir(), 'sluice-signals-'));
  t.teardown(() => rmSync(localDir, { recursive: true, force: true }));
  const run = startSluice(['run', 'test/fixtures/jobs/hangs-on-taskmanager.ts'], { processGroup: true, env: { SLUICE_TMP: localDir } });
  t.teardown(() => run.stop());
  await run.waitFor(/is CREATED/);
  // The client's evaluation is over and its file gone: what remains is the slot worker's, evaluating for good.
  const jobFiles = () => readdirSync(localDir).filter((name) => name.startsWith('sluice-job-'));
  while (jobFiles().length === 0) await new Promise((resolve) => setTimeout(resolve, 20));
  process.kill(-run.child.pid!, 'SIGINT');
  await run.exited;
  t.same(jobFiles(), [], 'the slot removed its worker\'s job file directory');
});
