// Keyed event-time windows on a real cluster: one JobManager and two TaskManagers with 2
// slots each, the job at parallelism 2, its out-of-order readings shuffled across the
// exchange. A tumbling-window aggregate and session windows must give exactly what a
// single-threaded reference computes here from the same readings.
import t from 'tap';
import { startSluiceCluster } from '../helpers/sluice-cluster.ts';
import { runSluice } from '../helpers/sluice-process.ts';

const parallelism = 2;
const readingsPerSubtask = 1000;
const sessionGap = 75;

const { cluster, work, linesOf } = await startSluiceCluster({ slotsPerTaskManager: 2, workPrefix: 'sluice-keyed-windows-' });

const run = await runSluice([
  'run', 'test/fixtures/jobs/keyed-windows.ts', '-p', String(parallelism), ...cluster,
  '--', '--output', work, '--readings-per-subtask', String(readingsPerSubtask),
]);

// The reference: the fixture's readings, in event-time order, windowed by hand.
const readings = Array.from({ length: parallelism }, (_, subtask) => Array.from({ length: readingsPerSubtask }, (_, i) => ({
  sensor: `s${i % 7}`,
  value: (i * 31 + subtask) % 100,
  timestamp: 10 * i + 500 * Math.floor(i / 100) + subtask,
}))).flat().sort((a, b) => a.timestamp - b.timestamp);

function tumblingReference(): string[] {
  const windows = new Map<string, { sum: number; count: number }>();
  for (const { sensor, value, timestamp } of readings) {
    const id = `${sensor} ${Math.floor(timestamp / 1000) * 1000}`;
    const window = windows.get(id) ?? { sum: 0, count: 0 };
    windows.set(id, { sum: window.sum + value, count: window.count + 1 });
  }
  return [...windows].map(([id, { sum, count }]) => `${id} ${sum} ${count}`).sort();
}

function sessionsReference(): string[] {
  const sessions: string[] = [];
  const open = new Map<string, { start: number; end: number; count: number }>();
  for (const { sensor, timestamp } of readings) {
    const session = open.get(sensor);
    if (session && timestamp <= session.end) {
      session.end = timestamp + sessionGap;
      session.count++;
      continue;
    }
    if (session) sessions.push(`${sensor} ${session.start} ${session.end} ${session.count}`);
    open.set(sensor, { start: timestamp, end: timestamp + sessionGap, count: 1 });
  }
  for (const [sensor, session] of open) sessions.push(`${sensor} ${session.start} ${session.end} ${session.count}`);
  return sessions.sort();
}

t.equal(run.code, 0, `the job finishes (stderr: ${run.stderr})`);

t.test('a keyed tumbling-window aggregate at parallelism 2 equals the single-threaded reference', async (t) => {
  const expected = tumblingReference();
  t.ok(expected.length > 100, 'the input spans many windows');
  t.same(linesOf('tumbling'), expected);
});

t.test('keyed session windows at parallelism 2 merge exactly as the single-threaded reference', async (t) => {
  const expected = sessionsReference();
  t.ok(expected.length > 7 * 5, 'every sensor has several sessions');
  t.same(linesOf('sessions'), expected);
});
