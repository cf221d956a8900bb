import t from 'tap';
import { LruCache } from '../../lib/state/leveldb/lru-cache.ts';

t.test('the cache keeps the values used last, at most its capacity, and a hit keeps a value longer', async (t) => {
  const cache = new LruCache<string, number>(4);
  const keys = Array.from({ length: 10 }, (_, i) => `k${i}`);
  for (const [i, key] of keys.entries()) cache.set(key, i);
  const held = keys.filter((key) => cache.get(key) !== undefined);
  t.ok(held.length <= 4, `never more than the capacity (holds ${held.join(', ')})`);
  t.equal(cache.get('k9'), 9, 'the value set last is kept');
  t.equal(cache.get('k0'), undefined, 'the oldest is gone');

  const refreshed = new LruCache<string, number>(4);
  refreshed.set('a', 1);
  refreshed.set('b', 2);
  t.equal(refreshed.get('a'), 1);
  refreshed.set('c', 3);
  refreshed.set('d', 4);
  t.equal(refreshed.get('a'), 1, 'a, used again, outlives b');
  t.equal(refreshed.get('b'), undefined);
  refreshed.delete('a');
  t.equal(refreshed.get('a'), undefined, 'a deleted value is gone');
  t.throws(() => new LruCache(1), { message: 'a cache needs a capacity of at least 2 entries, got 1' });
});
