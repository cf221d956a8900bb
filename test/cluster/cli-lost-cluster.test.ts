// `sluice run` against a cluster that stops answering never waits for good: it gives up once
// its NATS connection is lost past the reconnect timeout, and a second Ctrl-C stops it waiting
// for a cancellation the JobManager does not confirm. (No TaskManager: the job waits for slots.)
import t, { type Test } from 'tap';
import { startNatsServer } from '../../lib/nats/nats-server.ts';
import { startSluice } from '../helpers/sluice-process.ts';

const job = ['run', 'samples/wordcount.ts'];

/** A nats-server and a JobManager, and a `sluice run` whose job they accepted. */
async function submittedJob(t: Test, runEnv: NodeJS.ProcessEnv = {}) {
  const server = await startNatsServer();
  const jobManager = startSluice(['jobmanager', '--cluster', server.url]);
  t.teardown(async () => {
    await run.stop();
    await jobManager.stop();
    await server.stop();
  });
  await jobManager.waitFor(/JobManager running/);
  const run = startSluice([...job, '--cluster', server.url], { env: runEnv });
  await run.waitFor(/Job \w+ is CREATED/);
  return { server, jobManager, run };
}

t.test('a nats-server gone past the reconnect timeout ends sluice run with a clear error', async (t) => {
  const { server, run } = await submittedJob(t, { SLUICE_RECONNECT_TIMEOUT_MS: '1000' });
  await server.stop();
  t.equal(await run.exited, 1);
  t.match(run.stderr(), /sluice: lost the connection to the Sluice cluster at \S+: it did not come back within the reconnect timeout \(SLUICE_RECONNECT_TIMEOUT_MS\); job \w+ may still be running/);
  t.notMatch(run.stderr(), /^\s+at /m, 'no stack trace');
});

t.test('a second SIGTERM stops waiting for a cancellation that the lost JobManager cannot confirm', async (t) => {
  const { jobManager, run } = await submittedJob(t);
  jobManager.child.kill('SIGKILL');
  await jobManager.exited;
  run.child.kill('SIGTERM');
  await run.waitFor(/Cancelling job \w+ \(a second Ctrl-C stops waiting for it\)/);
  run.child.kill('SIGTERM');
  t.equal(await run.exited, 1);
  t.match(run.stderr(), /sluice: job \w+ did not confirm its cancellation; it may still be running \(see `sluice list`\)/);
});
