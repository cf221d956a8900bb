import t from 'tap';
import { pack, unpack } from 'msgpackr';
import { keyGroupRangeForOperator } from '../../lib/exchange/key-groups.ts';
import { HeapKeyedStateBackend, ValueStateDescriptor, VoidNamespace } from '../../lib/state/index.ts';
import { InternalTimeServiceManager, SystemProcessingTimeService, type InternalTimer, type KeyGroupTimersSnapshot, type Triggerable } from '../../lib/time/index.ts';

type Firing = [domain: 'event' | 'processing', timestamp: number, key: unknown, namespace: unknown];

/** A keyed operator's timer side: a backend as key context, a manager, and a record of every firing with the current key at that moment. */
function keyedOperator(options: { parallelism?: number; index?: number; schedule?: (action: () => void) => void } = {}) {
  const { parallelism = 1, index = 0 } = options;
  const backend = new HeapKeyedStateBackend<unknown>({
    keyGroupRange: keyGroupRangeForOperator(16, parallelism, index),
    numberOfKeyGroups: 16,
    description: `"Window" (${index + 1}/${parallelism})`,
  });
  const processingTime = new SystemProcessingTimeService(options.schedule ?? ((action) => action()));
  const manager = new InternalTimeServiceManager(backend, processingTime, `"Window" (${index + 1}/${parallelism})`);
  const fired: Firing[] = [];
  const onFire = (domain: Firing[0]) => (timer: InternalTimer<unknown, unknown>) => {
    if (backend.getCurrentKey() !== timer.key) throw new Error(`timer of key ${String(timer.key)} fired with current key ${String(backend.getCurrentKey())}`);
    fired.push([domain, timer.timestamp, timer.key, timer.namespace]);
  };
  const triggerable: Triggerable<unknown, unknown> = { onEventTime: onFire('event'), onProcessingTime: onFire('processing') };
  return { backend, processingTime, manager, fired, triggerable };
}

t.test('event-time timers fire in timestamp order once the watermark reaches them, each with its key', async (t) => {
  const { backend, manager, fired, triggerable } = keyedOperator();
  const timers = manager.getInternalTimerService('window-timers', triggerable);
  t.equal(timers.currentWatermark(), Number.NEGATIVE_INFINITY);
  for (const [key, time, window] of [['a', 30, 'w2'], ['b', 10, 'w1'], ['a', 10, 'w1'], ['b', 10, 'w1'], ['c', 20, 'w1'], ['a', 10, 'w2']] as const) {
    backend.setCurrentKey(key);
    timers.registerEventTimeTimer(window, time);
  }
  backend.setCurrentKey('a');
  timers.deleteEventTimeTimer('w2', 10);
  timers.deleteEventTimeTimer('w9', 10);
  manager.advanceWatermark(9);
  t.same(fired, [], 'nothing is due before the watermark reaches a timer');
  manager.advanceWatermark(20);
  t.equal(timers.currentWatermark(), 20);
  t.same(fired, [['event', 10, 'b', 'w1'], ['event', 10, 'a', 'w1'], ['event', 20, 'c', 'w1']],
    'equal timestamps fire in registration order; a duplicate and a deleted timer do not fire');
  manager.advanceWatermark(Number.POSITIVE_INFINITY);
  t.same(fired.at(-1), ['event', 30, 'a', 'w2'], 'the end of input fires every timer');
});

t.test('a timer registered while firing fires in the same advance when it is due', async (t) => {
  const { backend, manager, fired } = keyedOperator();
  const timers = manager.getInternalTimerService<string>('user-timers', {
    onEventTime: (timer) => {
      fired.push(['event', timer.timestamp, timer.key, timer.namespace]);
      if (timer.timestamp === 5) timers.registerEventTimeTimer(VoidNamespace as unknown as string, 7);
    },
    onProcessingTime: () => t.fail('no processing-time timer was registered'),
  });
  backend.setCurrentKey('k');
  timers.registerEventTimeTimer('x', 5);
  manager.advanceWatermark(10);
  t.same(fired, [['event', 5, 'k', 'x'], ['event', 7, 'k', null]]);
});

t.test('processing-time timers fire from the real clock, through the mailbox they are scheduled into', async (t) => {
  const mailbox: (() => void)[] = [];
  let wake = () => {};
  const { backend, processingTime, manager, fired, triggerable } = keyedOperator({
    schedule: (action) => {
      mailbox.push(action);
      wake();
    },
  });
  const nextMail = () => new Promise<() => void>((resolve) => {
    if (mailbox.length > 0) return resolve(mailbox.shift()!);
    wake = () => resolve(mailbox.shift()!);
  });
  const timers = manager.getInternalTimerService('user-timers', triggerable);
  const now = timers.currentProcessingTime();
  t.ok(Math.abs(now - Date.now()) < 1000, 'the processing time is the wall clock');
  for (const [key, delay] of [['a', 40], ['b', 20], ['c', 60]] as const) {
    backend.setCurrentKey(key);
    timers.registerProcessingTimeTimer(VoidNamespace, now + delay);
  }
  backend.setCurrentKey('c');
  timers.deleteProcessingTimeTimer(VoidNamespace, now + 60);
  backend.setCurrentKey('d');
  timers.registerProcessingTimeTimer(VoidNamespace, now + 80);
  while (fired.length < 3) {
    const mail = await nextMail();
    t.ok(fired.length < 3, 'nothing fires until the mailbox runs the mail');
    mail();
  }
  t.same(fired, [['processing', now + 20, 'b', null], ['processing', now + 40, 'a', null], ['processing', now + 80, 'd', null]], 'in time order; the deleted one never');
  t.ok(Date.now() >= now + 80, 'not before its time');
  processingTime.shutdownService();
});

t.test('timers are snapshot per key group and restored at another parallelism; restored processing-time timers run', async (t) => {
  const before = keyedOperator();
  const timers = before.manager.getInternalTimerService('window-timers', before.triggerable);
  const soon = timers.currentProcessingTime() + 10;
  const keys = Array.from({ length: 20 }, (_, i) => `key-${i}`);
  for (const [i, key] of keys.entries()) {
    before.backend.setCurrentKey(key);
    timers.registerEventTimeTimer({ start: i, end: i + 10 }, i + 9);
    if (i % 5 === 0) timers.registerProcessingTimeTimer(VoidNamespace, soon);
  }
  before.processingTime.shutdownService();
  const snapshots: KeyGroupTimersSnapshot[] = [];
  for (let keyGroup = 0; keyGroup < 16; keyGroup++) snapshots.push(unpack(pack(before.manager.snapshotKeyGroup(keyGroup))) as KeyGroupTimersSnapshot);
  t.ok(snapshots.some((s) => Object.keys(s.services).length === 0), 'a key group without timers snapshots no services');

  let allProcessingFired = () => {};
  const processingFired = new Promise<void>((resolve) => { allProcessingFired = resolve; });
  const after = [0, 1].map((index) => keyedOperator({
    parallelism: 2,
    index,
    schedule: (action) => {
      action();
      if (after.flatMap((op) => op.fired).filter(([domain]) => domain === 'processing').length === 4) allProcessingFired();
    },
  }));
  for (const snapshot of snapshots) after[snapshot.keyGroup < 8 ? 0 : 1]!.manager.restoreKeyGroup(snapshot);
  for (const op of after) op.manager.getInternalTimerService('window-timers', op.triggerable);
  await processingFired;
  for (const op of after) op.manager.advanceWatermark(Number.POSITIVE_INFINITY);
  const fired = after.flatMap((op) => op.fired);
  t.same(fired.filter(([domain]) => domain === 'processing').map(([, , key]) => key).sort(), ['key-0', 'key-10', 'key-15', 'key-5']);
  t.same(fired.filter(([domain]) => domain === 'event').map(([, time, key, window]) => [time, key, window]).sort((a, b) => (a[0] as number) - (b[0] as number)),
    keys.map((key, i) => [i + 9, key, { start: i, end: i + 10 }]));
  for (const op of after) op.processingTime.shutdownService();
});

t.test('the manager keeps services apart by name and refuses to fire restored timers nobody started', async (t) => {
  const { backend, manager, fired, triggerable } = keyedOperator();
  const windows = manager.getInternalTimerService('window-timers', triggerable);
  const user = manager.getInternalTimerService('user-timers', triggerable);
  backend.setCurrentKey('k');
  windows.registerEventTimeTimer('w', 1);
  user.registerEventTimeTimer('w', 1);
  t.same(Object.keys(manager.snapshotKeyGroup(backend.getCurrentKeyGroupIndex()).services).sort(), ['user-timers', 'window-timers']);
  manager.advanceWatermark(1);
  t.equal(fired.length, 2, 'the same timer in two services fires twice');

  const other = keyedOperator();
  other.manager.restoreKeyGroup({ keyGroup: 3, services: { 'old-timers': { eventTimeTimers: [[1, 'k', null]], processingTimeTimers: [] } } });
  t.throws(() => other.manager.advanceWatermark(5), { message: 'timer service "old-timers" of "Window" (1/1): timers are due but no operator started the timer service' });
  t.throws(() => windows.registerEventTimeTimer('w', Number.NaN), { message: 'timer service "window-timers" of "Window" (1/1): a timer\'s time must be a number, got NaN' });
});

t.test('state and timers of one operator see the same current key', async (t) => {
  const { backend, manager } = keyedOperator();
  const count = backend.getPartitionedState(VoidNamespace, new ValueStateDescriptor<number>('count', 0));
  const seen: [unknown, number | null][] = [];
  const timers = manager.getInternalTimerService('user-timers', {
    onEventTime: (timer) => seen.push([timer.key, count.value()]),
    onProcessingTime: () => undefined,
  });
  for (const [key, n] of [['a', 1], ['b', 2]] as const) {
    backend.setCurrentKey(key);
    count.update(n);
    timers.registerEventTimeTimer(VoidNamespace, n);
  }
  manager.advanceWatermark(2);
  t.same(seen, [['a', 1], ['b', 2]]);
});

t.test('a processing-time timer already handed to the mailbox when an earlier one replaces it leaves one real timer armed', async (t) => {
  const mailbox: (() => void)[] = [];
  let mailArrived = () => {};
  const { backend, processingTime, manager, fired, triggerable } = keyedOperator({
    schedule: (action) => {
      mailbox.push(action);
      mailArrived();
    },
  });
  const nextMail = () => new Promise<void>((resolve) => { mailArrived = resolve; });
  const timers = manager.getInternalTimerService('user-timers', triggerable);
  const now = timers.currentProcessingTime();
  backend.setCurrentKey('a');
  let arrived = nextMail();
  timers.registerProcessingTimeTimer(VoidNamespace, now + 10);
  await arrived;
  arrived = nextMail();
  backend.setCurrentKey('b');
  timers.registerProcessingTimeTimer(VoidNamespace, now - 5);
  await arrived;
  backend.setCurrentKey('c');
  timers.registerProcessingTimeTimer(VoidNamespace, now + 60);
  t.equal(mailbox.length, 2, 'the timer of a, then the earlier one of b, are in the mailbox');
  mailbox.shift()!();
  t.same(fired.map(([, , key]) => key), ['b', 'a'], 'the stale mail fires everything due by its time');
  mailbox.shift()!();
  t.same(fired.map(([, , key]) => key), ['b', 'a'], 'the second mail finds nothing due');
  arrived = nextMail();
  await arrived;
  mailbox.shift()!();
  t.same(fired.map(([, , key]) => key), ['b', 'a', 'c']);
  // A later timer of another service on the same clock: when its mail comes, any duplicate real timer for c would have come first.
  const sentinel = new Promise<void>((resolve) => processingTime.registerTimer(now + 120, () => resolve()));
  arrived = nextMail();
  await arrived;
  t.equal(mailbox.length, 1, 'only the sentinel\'s mail came: c had one real timer');
  mailbox.shift()!();
  await sentinel;
  processingTime.shutdownService();
});
