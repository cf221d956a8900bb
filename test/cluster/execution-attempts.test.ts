// A task failure travels as a structured report, with its subtask and attempt, from the
// Subtask through its slot worker to the JobMaster; the JobMaster's decision (today: fail
// the job) is carried out by cancelling the other current attempts. Observed on the wire:
// every report to the JobMaster and every command to a subtask's attempt.
import t from 'tap';
import { connect } from 'nats';
import { decodeEnvelope } from '../../lib/actor/envelope.ts';
import type { TaskExecutionState } from '../../lib/graph/execution-state.ts';
import { startNatsServer } from '../../lib/nats/nats-server.ts';
import { runSluice, startSluice } from '../helpers/sluice-process.ts';

const server = await startNatsServer();
const cluster = ['--cluster', server.url];
const env = { SLUICE_NAMESPACE: 'attempts' };
const jobManager = startSluice(['jobmanager', ...cluster], { env });
const taskManager = startSluice(['taskmanager', '--slots', '1', ...cluster], { env });
const nc = await connect({ servers: server.url });
t.teardown(async () => {
  await nc.close();
  await taskManager.stop();
  await jobManager.stop();
  await server.stop();
});
await jobManager.waitFor(/JobManager running/);
await taskManager.waitFor(/TaskManager \S+ running/);

t.test('a failed task is reported with its attempt and cause; the others are cancelled by the JobMaster', async (t) => {
  const reports: TaskExecutionState[] = [];
  const commands: Array<{ address: string; type: string }> = [];
  nc.subscribe('sluice.attempts.job.*.master', {
    callback: (_error, msg) => {
      const envelope = decodeEnvelope(msg.data);
      if (envelope.kind !== 'message') return;
      const body = envelope.body as { type: string; update?: TaskExecutionState };
      if (body.type === 'UpdateTaskExecutionState') reports.push(body.update!);
    },
  });
  nc.subscribe('sluice.attempts.job.*.task.>', {
    callback: (_error, msg) => {
      const envelope = decodeEnvelope(msg.data);
      if (envelope.kind === 'message') commands.push({ address: msg.subject.replace(/^.*\.task\./, ''), type: (envelope.body as { type: string }).type });
    },
  });
  await nc.flush();

  const { code, stderr } = await runSluice(['run', 'test/fixtures/jobs/fails-beside-running-tasks.ts', ...cluster], { env });
  t.equal(code, 1);
  t.match(stderr, /^sluice: job \w+ FAILED: Poison \(1\/1\) failed: record 100 is poisoned$/m);
  // The JobMaster sent everything below before it published FAILED, which the CLI has seen.
  await nc.flush();

  const byExecution = (vertexId: string) => reports.filter((report) => report.execution.vertexId === vertexId).map((report) => report.state);
  t.same(byExecution('op-2'), ['INITIALIZING', 'RUNNING', 'FAILED'], 'the map reports its states, ending FAILED');
  const failure = reports.find((report) => report.state === 'FAILED');
  t.same(failure?.execution, { vertexId: 'op-2', subtaskIndex: 0, attemptNumber: 0 }, 'the failure names the subtask and its attempt');
  t.match(failure, {
    cause: { name: 'Error', message: 'Poison (1/1) failed: record 100 is poisoned', stack: /record 100 is poisoned\n\s+at / },
  }, 'the cause keeps the error\'s name, message and stack');
  t.same(reports.filter((report) => report.state === 'INITIALIZING').map((report) => report.execution.attemptNumber), [0, 0, 0]);
  t.same(
    commands.filter((command) => command.type === 'Cancel').map((command) => command.address).sort(),
    ['op-1.0.0', 'op-3.0.0'],
    'the JobMaster cancels the current attempts of the counter and the sink, and not the failed map',
  );
});
