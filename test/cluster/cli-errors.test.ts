// Bad input gets a one-line error that names the cause, and a non-zero exit.
import t from 'tap';
import { dirname } from 'node:path';
import { runSluice, startSluice } from '../helpers/sluice-process.ts';
import { startNatsServer } from '../../lib/nats/nats-server.ts';

const oneLine = (stderr: string) => stderr.trim().split('\n').filter((line) => line.startsWith('sluice:'));

t.test('a missing job file', async (t) => {
  const { code, stderr } = await runSluice(['run', 'no/such/job.ts']);
  t.equal(code, 1);
  t.same(oneLine(stderr), ['sluice: job file no/such/job.ts: not found']);
});

t.test('a job file that does not compile names the line', async (t) => {
  const { code, stderr } = await runSluice(['run', 'test/fixtures/jobs/syntax-error.ts']);
  t.equal(code, 1);
  t.match(oneLine(stderr)[0], /^sluice: job file test\/fixtures\/jobs\/syntax-error\.ts: line 3: /);
});

t.test('a job that throws while building its graph names the line and the error', async (t) => {
  const { code, stderr } = await runSluice(['run', 'test/fixtures/jobs/throws-while-building.ts']);
  t.equal(code, 1);
  t.same(oneLine(stderr), ['sluice: job file test/fixtures/jobs/throws-while-building.ts: line 6: failed while building its graph: the input topic is not configured']);
});

t.test('a job that never calls env.execute()', async (t) => {
  const { code, stderr } = await runSluice(['run', 'test/fixtures/jobs/never-executes.ts']);
  t.equal(code, 1);
  t.same(oneLine(stderr), ['sluice: job file test/fixtures/jobs/never-executes.ts: the job never called env.execute()']);
});

t.test('a job that builds a different graph on a TaskManager is refused there', async (t) => {
  const { code, stderr } = await runSluice(['run', 'test/fixtures/jobs/different-graph-per-evaluation.ts']);
  t.equal(code, 1);
  t.match(oneLine(stderr)[0], /^sluice: job \w+ FAILED: TaskManager \S+ slot 0 could not deploy job \w+: the job built a different graph here than on the client/);
});

t.test('an unreachable --cluster', async (t) => {
  const { code, stderr } = await runSluice(['run', 'samples/wordcount.ts', '--cluster', 'nats://127.0.0.1:1']);
  t.equal(code, 1);
  t.same(oneLine(stderr), ['sluice: cannot reach the Sluice cluster at nats://127.0.0.1:1: connection refused']);
});

t.test('an unknown state.backend.type for the cluster names the key and the accepted values', async (t) => {
  const { code, stderr } = await runSluice(['jobmanager', '--cluster', 'nats://127.0.0.1:1'], { env: { SLUICE_STATE_BACKEND_TYPE: 'rocksdb' } });
  t.equal(code, 1);
  t.same(oneLine(stderr), ["sluice: SLUICE_STATE_BACKEND_TYPE (state.backend.type): unknown state backend 'rocksdb' (expected hashmap or leveldb)"]);
});

t.test('a record msgpackr cannot encode fails the job with the edge and the cause', async (t) => {
  const { code, stderr } = await runSluice(['run', 'test/fixtures/jobs/unencodable-record.ts']);
  t.equal(code, 1);
  t.match(oneLine(stderr)[0], /^sluice: job \w+ FAILED: .*record at edge "Collection Source -> Tag" => "Out", subtask 1: cannot encode a Symbol/);
});

t.test('a user function that throws fails the job with the task and the error', async (t) => {
  const { code, stderr } = await runSluice(['run', 'test/fixtures/jobs/map-throws.ts']);
  t.equal(code, 1);
  t.match(oneLine(stderr)[0], /^sluice: job \w+ FAILED: Collection Source -> Price -> Print to Std\. Out \(1\/1\) failed: cannot price order 2$/);
});

t.test('a sink whose close() fails fails the job instead of finishing it', async (t) => {
  const { code, stderr } = await runSluice(['run', 'test/fixtures/jobs/sink-fails-on-close.ts']);
  t.equal(code, 1);
  t.match(oneLine(stderr)[0], /^sluice: job \w+ FAILED: Collection Source -> Buffering Sink \(1\/1\) failed: could not flush 3 records$/);
});

t.test('list and cancel without a JobManager say so', async (t) => {
  const server = await startNatsServer();
  t.teardown(() => server.stop());
  const list = await runSluice(['list', '--cluster', server.url]);
  t.equal(list.code, 1);
  t.match(oneLine(list.stderr)[0], /^sluice: the JobManager does not answer \(.*\): is `sluice jobmanager` running on this cluster\?$/);
});

t.test('more parallelism than free slots fails after a bounded wait', async (t) => {
  const server = await startNatsServer();
  t.teardown(() => server.stop());
  const env = { SLUICE_SLOT_REQUEST_TIMEOUT_MS: '1500' };
  const jobManager = startSluice(['jobmanager', '--cluster', server.url], { env });
  const taskManager = startSluice(['taskmanager', '--slots', '2', '--cluster', server.url], { env });
  t.teardown(async () => { await taskManager.stop(); await jobManager.stop(); });
  await jobManager.waitFor(/JobManager running/);
  await taskManager.waitFor(/TaskManager \S+ running/);
  const { code, stderr } = await runSluice(['run', 'samples/wordcount.ts', '-p', '4', '--cluster', server.url], { env });
  t.equal(code, 1);
  t.match(oneLine(stderr)[0], /^sluice: job \w+ FAILED: not enough free slots: the job needs 4, the cluster has 2 free of 2 \(1 TaskManager\) after waiting 1500 ms$/);
});

t.test('no nats-server on the PATH for the embedded mode says how to install it', async (t) => {
  const { code, stderr } = await runSluice(['run', 'samples/wordcount.ts'], { env: { PATH: dirname(process.execPath) } });
  t.equal(code, 1);
  t.match(oneLine(stderr)[0], /^sluice: nats-server is not on the PATH: install it \(Debian\/Ubuntu: `apt-get update && apt-get install -y nats-server`\)/);
});

t.test('a JobManager and a TaskManager whose NATS server goes away, and stays away, end with one line', async (t) => {
  const server = await startNatsServer();
  // They reconnect for SLUICE_RECONNECT_TIMEOUT_MS (a restart is survived), then give up.
  const env = { SLUICE_RECONNECT_TIMEOUT_MS: '1000', SLUICE_LOG_LEVEL: 'warn' };
  const roles = [startSluice(['jobmanager', '--cluster', server.url], { env }), startSluice(['taskmanager', '--cluster', server.url], { env })];
  t.teardown(() => Promise.all(roles.map((role) => role.stop())));
  await roles[0]!.waitFor(/JobManager running/);
  await roles[1]!.waitFor(/TaskManager \S+ running/);
  await server.stop();
  for (const role of roles) {
    t.equal(await role.exited, 1);
    const [, ...lines] = role.stderr().trim().split('\n');
    t.match(lines, [/ WARN NATS connection lost: reconnecting /], 'the lost connection is logged at once');
    t.equal(lines.at(-1), `sluice: lost the connection to the NATS server at ${server.url}: CONNECTION_REFUSED`);
    // Between them, only warnings logged while disconnected (a liveness check that timed out meanwhile).
    t.same(lines.slice(1, -1).filter((line) => !/^\S+ WARN /.test(line)), [], 'nothing else in between');
  }
});

t.test('code after `await env.execute()` runs in the client once the job ended: with its result, its failure, or failing itself', async (t) => {
  const finished = await runSluice(['run', 'test/fixtures/jobs/after-execute.ts', '--', '--mode', 'ok']);
  t.equal(finished.code, 0, finished.stderr);
  const jobId = /Job has been submitted with JobID (\w+)/.exec(finished.stderr)?.[1];
  t.ok(jobId, 'the job was submitted');
  t.match(finished.stdout, new RegExp(`^10\\n20\\n30\\nafter execute: job ${jobId} ran \\d+ ms; argv --mode ok\\n$`), 'after the records, with the job id, its run time and the job\'s argv');

  const failed = await runSluice(['run', 'test/fixtures/jobs/after-execute.ts', '--', '--mode', 'fail']);
  t.equal(failed.code, 1);
  t.match(failed.stdout, /^caught: Job execution failed: job \w+ FAILED: Collection Source -> Times ten -> Print to Std\. Out \(1\/1\) failed: cannot take 2$/m, 'execute() threw the failure');

  const thrown = await runSluice(['run', 'test/fixtures/jobs/after-execute.ts', '--', '--mode', 'throw']);
  t.equal(thrown.code, 1);
  t.match(thrown.stderr, /^sluice: job file test\/fixtures\/jobs\/after-execute\.ts: line 20: failed after env\.execute\(\): the report could not be written$/m);
});

t.test('executeAndCollect() brings the records back to the client: awaited, iterated, up to a limit (then cancelled), each once through a restart', async (t) => {
  const run = (mode: string) => runSluice(['run', 'test/fixtures/jobs/execute-and-collect.ts', '--', '--mode', mode]);
  const doubled = JSON.stringify(Array.from({ length: 100 }, (_, i) => (i + 1) * 2));
  for (const mode of ['all', 'iterate']) {
    const { code, stdout, stderr } = await run(mode);
    t.equal(code, 0, stderr);
    t.equal(stdout, `${doubled}\n`, `${mode}: the 100 doubled numbers of both subtasks`);
  }
  const limited = await run('limit');
  t.equal(limited.code, 0, limited.stderr);
  t.equal(limited.stdout, '5 records\n');
  t.match(limited.stderr, /Job \w+ was cancelled once its 5 records were collected/);

  const restarted = await run('restart');
  t.equal(restarted.code, 0, restarted.stderr);
  t.equal(restarted.stdout, '2000 records, each once\n', 'a failure restored from a checkpoint neither lost nor repeated a record');
  t.match(restarted.stderr, /is RESTARTING/);

  const zero = await run('zero');
  t.equal(zero.code, 1);
  t.match(zero.stderr, /execute-and-collect\.ts.*executeAndCollect: the limit must be a positive integer \(got 0\)/);
});

t.test('accumulators of every subtask are merged by name into the result of `await env.execute()`, metrics count per subtask; a second accumulator of a name is refused', async (t) => {
  const { code, stdout, stderr } = await runSluice(['run', 'test/fixtures/jobs/accumulators.ts']);
  t.equal(code, 0, stderr);
  t.equal(stdout, 'words 10\nlengths [[2,6],[3,2],[4,1],[8,1]]\nweight 15\nmetered 10\nnames lengths,metered,weight,words\n');
  const twice = await runSluice(['run', 'test/fixtures/jobs/accumulators.ts', '--', '--twice']);
  t.equal(twice.code, 1);
  t.match(twice.stderr, /FAILED: .*The accumulator 'words' already exists and cannot be added\./);
});
