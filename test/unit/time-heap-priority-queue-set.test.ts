import t from 'tap';
import { HeapPriorityQueueSet, timerId } from '../../lib/time/heap-priority-queue-set.ts';

/** mulberry32: a small seeded generator, so a failure can be replayed. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let x = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 2 ** 32;
  };
}

t.test('timer ids are equal exactly for equal timestamp, key and namespace', async (t) => {
  t.equal(timerId(5, 'a', null), timerId(5, 'a', null));
  const distinct = [
    timerId(5, 'a', null), timerId(6, 'a', null), timerId(5, 'b', null), timerId(5, 'a', 'w'),
    timerId(5, 1, null), timerId(5, '1', null), timerId(5, 1n, null), timerId(5, true, null),
    timerId(5, 'a|1', 'b'), timerId(5, 'a', '1|b'), timerId(5, 'ab', 'c'), timerId(5, 'a', 'bc'),
  ];
  t.equal(new Set(distinct).size, distinct.length, `all distinct: ${distinct.join(' ')}`);
});

t.test('a random mix of adds and removes polls in (timestamp, registration) order, one timer per id', async (t) => {
  const next = random(7);
  const queue = new HeapPriorityQueueSet<string, null>({ startKeyGroup: 0, endKeyGroup: 3 });
  /** The reference: queued ids with their timestamp and registration order. */
  const expected = new Map<string, { timestamp: number; order: number; keyGroup: number }>();
  let order = 0;
  const head = () => [...expected.entries()].sort(([, a], [, b]) => a.timestamp - b.timestamp || a.order - b.order)[0]?.[0];
  for (let step = 0; step < 3000; step++) {
    const timestamp = Math.floor(next() * 50);
    const key = `k${Math.floor(next() * 10)}`;
    const keyGroup = Math.floor(next() * 4);
    const id = timerId(timestamp, key, null);
    const headBefore = head();
    if (next() < 0.6) {
      const isNew = !expected.has(id);
      if (isNew) expected.set(id, { timestamp, order: order++, keyGroup });
      const becameHead = queue.add(timestamp, key, null, expected.get(id)!.keyGroup, id);
      if (becameHead !== (isNew && head() === id)) t.fail(`step ${step}: add of ${id} reported head ${becameHead}`);
    } else {
      const queued = expected.get(id);
      const wasHead = queue.remove(queued?.keyGroup ?? keyGroup, id);
      expected.delete(id);
      if (wasHead !== (queued !== undefined && headBefore === id)) t.fail(`step ${step}: remove of ${id} reported head ${wasHead}`);
    }
    if (queue.size !== expected.size) t.fail(`step ${step}: size ${queue.size}, expected ${expected.size}`);
  }
  for (let keyGroup = 0; keyGroup < 4; keyGroup++) {
    const ids = [...queue.timersInKeyGroup(keyGroup)].map((timer) => timer.id).sort();
    t.same(ids, [...expected].filter(([, e]) => e.keyGroup === keyGroup).map(([id]) => id).sort(), `key group ${keyGroup} lists its timers`);
  }
  const polled: string[] = [];
  for (let timer = queue.poll(); timer; timer = queue.poll()) polled.push(timer.id);
  const sorted = [...expected.entries()].sort(([, a], [, b]) => a.timestamp - b.timestamp || a.order - b.order).map(([id]) => id);
  t.same(polled, sorted);
  t.equal(queue.size, 0);
});

t.test('a key group outside the range is refused', async (t) => {
  const queue = new HeapPriorityQueueSet<string, null>({ startKeyGroup: 4, endKeyGroup: 7 });
  t.throws(() => queue.add(1, 'k', null, 8, timerId(1, 'k', null)), { message: 'key group 8 is not among this subtask\'s key groups 4..7' });
});
