// Region failover: a job of two independent pipelines (two pipelined regions) whose pipeline
// A fails once. Only A's region restarts, from the latest completed checkpoint; pipeline B's
// subtasks keep running through it (their first attempts, never cancelled, and B's records
// keep reaching its sink meanwhile), the job never leaves RUNNING, and both pipelines produce
// the exact expected output. Observed on the wire: every report to the JobMaster and every
// command to a subtask's attempt.
import t from 'tap';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect } from 'nats';
import { decodeEnvelope } from '../../lib/actor/envelope.ts';
import { decodeControl } from '../../lib/codec/control-codec.ts';
import type { TaskExecutionState } from '../../lib/graph/execution-state.ts';
import type { JobSummary } from '../../lib/job/job-submission.ts';
import { startNatsServer } from '../../lib/nats/nats-server.ts';
import { runSluice, startSluice } from '../helpers/sluice-process.ts';

const server = await startNatsServer();
const cluster = ['--cluster', server.url];
const dir = mkdtempSync(join(tmpdir(), 'sluice-region-failover-'));
const env = { SLUICE_NAMESPACE: 'regions', SLUICE_TEST_DIR: dir };
const jobManager = startSluice(['jobmanager', ...cluster], { env });
const taskManager = startSluice(['taskmanager', '--slots', '2', ...cluster], { env });
const nc = await connect({ servers: server.url });
t.teardown(async () => {
  await nc.close();
  await taskManager.stop();
  await jobManager.stop();
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
});
await jobManager.waitFor(/JobManager running/);
await taskManager.waitFor(/TaskManager \S+ running/);

const keys = 5;
const lines = (file: string) => (existsSync(join(dir, file)) ? readFileSync(join(dir, file), 'utf8').trim().split('\n').filter(Boolean) : []);
/** Each key's running counts 1..total/keys, as "key count" lines, sorted. */
const runningCounts = (total: number) => Array.from({ length: keys }, (_, key) => Array.from({ length: total / keys }, (_, i) => `${key} ${i + 1}`)).flat().sort();

t.test('a failure in one of two independent pipelines restarts only its region; the other keeps running', async (t) => {
  /** Each report, with how many lines pipeline B's sink had written when it arrived. */
  const reports: Array<TaskExecutionState & { linesOfB: number }> = [];
  const commands: Array<{ address: string; type: string }> = [];
  const statuses: string[] = [];
  nc.subscribe('sluice.regions.job.*.master', {
    callback: (_error, msg) => {
      const envelope = decodeEnvelope(msg.data);
      if (envelope.kind !== 'message') return;
      const body = envelope.body as { type: string; update?: TaskExecutionState };
      if (body.type === 'UpdateTaskExecutionState') reports.push({ ...body.update!, linesOfB: lines('counts-b').length });
    },
  });
  nc.subscribe('sluice.regions.job.*.task.>', {
    callback: (_error, msg) => {
      const envelope = decodeEnvelope(msg.data);
      if (envelope.kind === 'message') commands.push({ address: msg.subject.replace(/^.*\.task\./, ''), type: (envelope.body as { type: string }).type });
    },
  });
  nc.subscribe('sluice.regions.job.*.status', { callback: (_error, msg) => statuses.push(decodeControl<JobSummary>(msg.data).status) });
  await nc.flush();

  const { code, stderr } = await runSluice(['run', 'test/fixtures/jobs/two-pipelines-one-fails.ts', ...cluster], { env });
  t.equal(code, 0, stderr);
  await nc.flush();
  t.ok(existsSync(join(dir, 'failed-a')), 'pipeline A\'s map failed once');
  t.same(statuses.filter((status, i) => status !== statuses[i - 1]), ['CREATED', 'RUNNING', 'FINISHED'], 'the job stays RUNNING through the region restart');

  const ofB = reports.filter((report) => report.execution.vertexId.endsWith('-b'));
  const ofA = reports.filter((report) => report.execution.vertexId.endsWith('-a'));
  t.same(new Set(ofB.map((report) => report.execution.attemptNumber)), new Set([0]), 'pipeline B\'s subtasks run their first attempts only');
  const statesOfB = new Map<string, string[]>();
  for (const { execution, state } of ofB) statesOfB.set(`${execution.vertexId}/${execution.subtaskIndex}`, [...(statesOfB.get(`${execution.vertexId}/${execution.subtaskIndex}`) ?? []), state]);
  t.same(statesOfB, new Map(['source-b/0', 'map-b/0', 'map-b/1', 'count-b/0', 'count-b/1', 'sink-b/0'].map((subtask) => [subtask, ['INITIALIZING', 'RUNNING', 'FINISHED']])),
    'each of B\'s subtasks ran once, from start to finish');
  t.same(commands.filter((command) => command.address.split('.')[0]!.endsWith('-b') && command.type === 'Cancel'), [], 'none of B\'s subtasks was told to cancel');

  const failed = ofA.find((report) => report.state === 'FAILED');
  t.match(failed, { execution: { vertexId: 'map-a', attemptNumber: 0 }, cause: { message: /record \d+000 fails once/ } });
  const restartedA = ofA.filter((report) => report.execution.attemptNumber === 1);
  t.same(new Set(restartedA.filter((report) => report.state === 'FINISHED').map(({ execution }) => `${execution.vertexId}/${execution.subtaskIndex}`)),
    new Set(['source-a/0', 'map-a/0', 'map-a/1', 'count-a/0', 'count-a/1', 'sink-a/0']), 'every subtask of A\'s region ran a second attempt to the end');
  const lastRestartedRunning = restartedA.filter((report) => report.state === 'RUNNING').at(-1)!;
  t.ok(failed!.linesOfB < lastRestartedRunning.linesOfB,
    `B's records kept reaching its sink while A restarted (${failed!.linesOfB} lines when A failed, ${lastRestartedRunning.linesOfB} when A ran again)`);

  const resumedAt = readdirSync(dir).filter((name) => name.startsWith('resumed-a-')).map((name) => Number(readFileSync(join(dir, name), 'utf8')));
  t.ok(resumedAt.length > 0 && resumedAt.every((n) => n > 0), `A's restored source resumed past the start (${resumedAt.join(', ')})`);
  t.same([...new Set(lines('counts-a'))].sort(), runningCounts(100_000), 'A counted every record exactly once: its replayed counts repeat, none is missing or beyond');
  t.same(lines('counts-b').sort(), runningCounts(4_000), 'B\'s output is exact: every running count once');
});
