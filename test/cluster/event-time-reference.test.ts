// Event time on a real cluster (one JobManager, two TaskManagers with 2 slots each): shuffled,
// out-of-order input from parallel sources goes through event-time operators at parallelism 2
// to 4, and every result must equal what a single-threaded reference, computed here from the
// same input, gives. The input never has late events (see test/fixtures/event-time-input.ts),
// so the results cannot depend on how the exchange interleaves the subtasks.
import t from 'tap';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startNatsServer } from '../../lib/nats/nats-server.ts';
import { shuffledEvents, type TimedEvent } from '../fixtures/event-time-input.ts';
import { runSluice, startSluice } from '../helpers/sluice-process.ts';

const seed = 8;
const events = 3000;
const keys = 12;

const server = await startNatsServer();
const work = mkdtempSync(join(tmpdir(), 'sluice-event-time-'));
const cluster = ['--cluster', server.url];
const jobManager = startSluice(['jobmanager', ...cluster]);
const taskManagers = [0, 1].map(() => startSluice(['taskmanager', '--slots', '2', ...cluster]));
t.teardown(async () => {
  await Promise.all(taskManagers.map((tm) => tm.stop()));
  await jobManager.stop();
  await server.stop();
  rmSync(work, { recursive: true, force: true });
});
await jobManager.waitFor(/JobManager running/);
await Promise.all(taskManagers.map((tm) => tm.waitFor(/TaskManager \S+ running/)));

const run = await runSluice([
  'run', 'test/fixtures/jobs/event-time-reference.ts', '-p', '4', ...cluster,
  '--', '--output', work, '--seed', String(seed), '--events', String(events), '--keys', String(keys),
]);
t.equal(run.code, 0, `the job finishes (stderr: ${run.stderr})`);

/** The lines of every subtask's file in one sink's output directory, sorted. */
function linesOf(sink: string): string[] {
  const directory = join(work, sink);
  return readdirSync(directory).flatMap((file) => readFileSync(join(directory, file), 'utf8').split('\n').filter(Boolean)).sort();
}

const left = shuffledEvents(seed, events, keys);
const right = shuffledEvents(seed + 1, events, keys);
t.ok(left.filter((event, i) => i > 0 && event.timestamp < left[i - 1]!.timestamp).length > events / 10, 'the input is out of order');

t.test('an interval join gives every pair of one key with right - left in (-300, 500] ms, once', async (t) => {
  const expected = left.flatMap((l: TimedEvent) =>
    right.filter((r) => r.key === l.key && r.timestamp - l.timestamp > -300 && r.timestamp - l.timestamp <= 500)
      .map((r) => `${l.key} ${l.id} ${r.id} @${Math.max(l.timestamp, r.timestamp)}`));
  t.ok(expected.length > events, `the input joins often enough to mean something (${expected.length} pairs)`);
  t.same(linesOf('interval-join'), expected.sort());
});

t.test('a KeyedProcessFunction\'s event-time timers see, per key, exactly the events up to their time', async (t) => {
  const timerDelay = 500;
  const expected: string[] = [];
  for (const key of new Set(left.map((event) => event.key))) {
    const events = left.filter((event) => event.key === key);
    for (const timer of new Set(events.map((event) => event.timestamp + timerDelay))) {
      const sum = events.filter((event) => event.timestamp > timer - timerDelay && event.timestamp <= timer).reduce((total, event) => total + event.value, 0);
      expected.push(`${key} ${timer} ${sum}`);
    }
  }
  t.same(linesOf('keyed-process-function'), expected.sort());
});
