// Event time on a real cluster (one JobManager, two TaskManagers with 2 slots each): shuffled,
// out-of-order input from parallel sources goes through event-time operators at parallelism 2
// to 4, and every result must equal what a single-threaded reference, computed here from the
// same input, gives. The input never has late events (see test/fixtures/event-time-input.ts),
// so the results cannot depend on how the exchange interleaves the subtasks.
import t from 'tap';
import { shuffledEvents, type TimedEvent } from '../fixtures/event-time-input.ts';
import { startSluiceCluster } from '../helpers/sluice-cluster.ts';
import { runSluice } from '../helpers/sluice-process.ts';

const seed = 8;
const events = 2000;
const keys = 12;

const { cluster, work, linesOf } = await startSluiceCluster({ slotsPerTaskManager: 2, workPrefix: 'sluice-event-time-' });

const run = await runSluice([
  'run', 'test/fixtures/jobs/event-time-reference.ts', '-p', '4', ...cluster,
  '--', '--output', work, '--seed', String(seed), '--events', String(events), '--keys', String(keys),
]);
t.equal(run.code, 0, `the job finishes (stderr: ${run.stderr})`);

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

/** Each key's events, by key. */
function byKey(events: TimedEvent[]): Map<string, TimedEvent[]> {
  const keyed = new Map<string, TimedEvent[]>();
  for (const event of events) keyed.set(event.key, [...(keyed.get(event.key) ?? []), event]);
  return keyed;
}

/** The reference's "key [start,end) ids" line of each key's window, from the window (start, end) of each event. */
function windowLines(windowsOf: (timestamp: number) => Array<[number, number]>): string[] {
  const contents = new Map<string, number[]>();
  for (const event of left) {
    for (const [start, end] of windowsOf(event.timestamp)) {
      const line = `${event.key} [${start},${end})`;
      contents.set(line, [...(contents.get(line) ?? []), event.id]);
    }
  }
  return [...contents].map(([window, ids]) => `${window} ${ids.sort((a, b) => a - b).join(',')}`).sort();
}

t.test('keyed tumbling event-time windows hold exactly the events of their second', async (t) => {
  const size = 1000;
  t.same(linesOf('tumbling-windows'), windowLines((ts) => [[ts - (ts % size), ts - (ts % size) + size]]));
});

t.test('keyed sliding event-time windows (2 s, every 500 ms) hold exactly the events of their span', async (t) => {
  const size = 2000;
  const slide = 500;
  t.same(linesOf('sliding-windows'), windowLines((ts) => {
    const windows: Array<[number, number]> = [];
    for (let start = ts - (ts % slide); start > ts - size; start -= slide) windows.push([start, start + size]);
    return windows;
  }));
});

t.test('keyed event-time session windows (200 ms gap) merge exactly as a sorted pass over each key finds them', async (t) => {
  const gap = 200;
  const expected: string[] = [];
  for (const [key, events] of byKey(left)) {
    const sorted = [...events].sort((a, b) => a.timestamp - b.timestamp);
    let session: TimedEvent[] = [];
    const close = () => {
      const ids = session.map((event) => event.id).sort((a, b) => a - b);
      expected.push(`${key} [${session[0]!.timestamp},${session.at(-1)!.timestamp + gap}) ${ids.join(',')}`);
    };
    for (const event of sorted) {
      // Flink's windows [a, a + gap) and [b, b + gap) merge when they touch: b <= a + gap.
      if (session.length > 0 && event.timestamp > session.at(-1)!.timestamp + gap) {
        close();
        session = [];
      }
      session.push(event);
    }
    close();
  }
  t.same(linesOf('session-windows'), expected.sort());
});

t.test('a window join pairs the events of one key in the same 1 s tumbling window, once each', async (t) => {
  const second = (event: TimedEvent) => Math.floor(event.timestamp / 1000);
  const expected = left.flatMap((l) => right.filter((r) => r.key === l.key && second(r) === second(l)).map((r) => `${l.key} ${l.id} ${r.id}`));
  t.same(linesOf('window-join'), expected.sort());
});
