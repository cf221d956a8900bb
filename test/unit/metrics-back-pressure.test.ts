// Backpressure figures: a TimerGauge counts the ms per second a condition held, unfinished
// spells included; the JobMaster's tracker turns each subtask's reading into Flink's
// JobVertexBackPressureInfo with Flink's levels, leaving out older attempts.
import t from 'tap';
import type { JobVertex } from '../../lib/graph/job-graph.ts';
import { backPressureLevel, JobVertexBackPressureTracker } from '../../lib/metrics/job-vertex-back-pressure.ts';
import { TimerGauge } from '../../lib/metrics/timer-gauge.ts';

t.test('a TimerGauge reads the share of each interval spent in spells, an unfinished one included', async (t) => {
  let now = 0;
  const gauge = new TimerGauge(() => now);
  gauge.markStart();
  now = 100;
  gauge.markEnd();
  now = 300;
  gauge.markStart();
  gauge.markStart();
  now = 500;
  t.equal(gauge.readMsPerSecond(), 600, '100 ms ended and 200 ms ongoing out of 500 ms');
  now = 1500;
  t.equal(gauge.readMsPerSecond(), 1000, 'a spell that lasts the whole interval');
  gauge.markEnd();
  now = 2500;
  t.equal(gauge.readMsPerSecond(), 0);
});

t.test('measure() times a wait from now until its promise settles, also when it rejects', async (t) => {
  let now = 0;
  const gauge = new TimerGauge(() => now);
  let release!: () => void;
  const waiting = gauge.measure(new Promise<void>((resolve) => (release = resolve)));
  now = 250;
  release();
  await waiting;
  now = 1000;
  await gauge.measure(Promise.reject(new Error('cancelled'))).catch(() => undefined);
  t.equal(gauge.readMsPerSecond(), 250);
});

t.test("Flink's levels: ok up to 10 % of the time backpressured, low up to 50 %, high above", async (t) => {
  t.same([0, 0.1, 0.11, 0.5, 0.51, 1].map(backPressureLevel), ['ok', 'ok', 'low', 'low', 'high', 'high']);
});

t.test('a vertex\'s backpressure: each current subtask\'s ratios, the vertex at its worst subtask\'s level', async (t) => {
  const vertex: JobVertex = { id: 'map', name: 'Map', parallelism: 3, maxParallelism: 128, operatorIds: ['map'], isSource: false, slotSharingGroup: 'default' };
  const tracker = new JobVertexBackPressureTracker();
  t.same(tracker.backPressureInfo(vertex, () => 0), { status: 'deprecated' }, 'nothing reported yet');
  tracker.report({ vertexId: 'map', subtaskIndex: 0, attemptNumber: 0 }, { backPressuredTimeMsPerSecond: 50, idleTimeMsPerSecond: 150, busyTimeMsPerSecond: 800 }, 1000);
  tracker.report({ vertexId: 'map', subtaskIndex: 1, attemptNumber: 0 }, { backPressuredTimeMsPerSecond: 300, idleTimeMsPerSecond: 0, busyTimeMsPerSecond: 700 }, 1200);
  tracker.report({ vertexId: 'map', subtaskIndex: 2, attemptNumber: 0 }, { backPressuredTimeMsPerSecond: 900, idleTimeMsPerSecond: 0, busyTimeMsPerSecond: 100 }, 1300);
  const attempts = [0, 0, 1];
  t.same(tracker.backPressureInfo(vertex, (subtask) => attempts[subtask]!), {
    status: 'ok', 'backpressure-level': 'low', 'end-timestamp': 1200,
    subtasks: [
      { subtask: 0, 'attempt-number': 0, 'backpressure-level': 'ok', ratio: 0.05, idleRatio: 0.15, busyRatio: 0.8 },
      { subtask: 1, 'attempt-number': 0, 'backpressure-level': 'low', ratio: 0.3, idleRatio: 0, busyRatio: 0.7 },
    ],
  }, 'subtask 2 restarted since its reading, so it is left out');
});
