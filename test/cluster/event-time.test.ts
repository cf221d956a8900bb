// Event time on a real cluster: one JobManager and two TaskManagers with one slot each, the
// job at parallelism 2, so the keyed exchange and its watermarks cross processes. A
// KeyedProcessFunction behind assignTimestampsAndWatermarks, fed out-of-order events, gives
// exactly what the test computes itself in one thread.
import t from 'tap';
import { startSluiceCluster } from '../helpers/sluice-cluster.ts';
import { runSluice } from '../helpers/sluice-process.ts';

const parallelism = 2;
const eventsPerSubtask = 1000;
const keys = 13;

const { cluster, work, linesOf } = await startSluiceCluster({ slotsPerTaskManager: 1, workPrefix: 'sluice-event-time-' });

const run = await runSluice([
  'run', 'test/fixtures/jobs/event-time-timers.ts', '-p', String(parallelism), ...cluster,
  '--', '--output', work, '--events-per-subtask', String(eventsPerSubtask),
]);

const sorted = (values: string[]) => [...values].sort();
const ids = Array.from({ length: parallelism * eventsPerSubtask }, (_, id) => id);

/** The reference, in one thread: per key, a line "key T count" for each 100 ms bucket end T of its events. */
function expectedCounts(): string[] {
  const lines: string[] = [];
  for (let key = 0; key < keys; key++) {
    const times = ids.filter((id) => id % keys === key).map((id) => id * 5);
    const bucketEnds = [...new Set(times.map((time) => time - (time % 100) + 99))];
    for (const end of bucketEnds) lines.push(`${key} ${end} ${times.filter((time) => time <= end).length}`);
  }
  return lines;
}

t.equal(run.code, 0, `the job finishes (stderr: ${run.stderr})`);

t.test('a KeyedProcessFunction\'s event-time timers give exactly the single-threaded reference', async (t) => {
  const counts = linesOf('counts');
  t.equal(counts.length, expectedCounts().length, 'one line per timer: no timer lost or fired twice');
  t.same(counts, sorted(expectedCounts()));
});

t.test('the side output reaches its own sink across an exchange, and only it', async (t) => {
  t.same(linesOf('audit'), sorted(ids.filter((id) => id % keys === 0).map(String)));
});

t.test('partitionCustom sends each key to the partition its partitioner chose; rescale pairs subtasks of equal parallelism', async (t) => {
  t.same(linesOf('custom'), sorted(ids.map((id) => `${id % keys}@${(id % keys) % parallelism}`)));
  t.same(linesOf('rescale'), sorted(ids.map((id) => `${id % 2}@${id % 2}`)));
});
