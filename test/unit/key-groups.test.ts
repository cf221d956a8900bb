import t from 'tap';
import { assignToKeyGroup, computeOperatorIndexForKeyGroup, hashCode, hashKey, keyGroupRangeForOperator, murmurHash } from '../../lib/exchange/key-groups.ts';

t.test('hashKey is stable across runs and insensitive to object key order', async (t) => {
  // Pinned values (Flink's murmurHash of the Java hashCode): a change here moves keys to
  // other key groups and breaks every saved keyed state.
  t.same([hashKey(''), hashKey('a'), hashKey('hello'), hashKey(42), hashKey(['word', 1])],
    [593689054, 1455541201, 1715862179, 1134849565, 1071916037]);
  t.equal(hashKey({ a: 1, b: [2, 'x'] }), hashKey({ b: [2, 'x'], a: 1 }));
  t.not(hashKey(1), hashKey('1'), 'a number and its string differ');
  t.not(hashKey(1n), hashKey(1), 'a bigint and a number differ');
  t.not(hashKey(['a', 1]), hashKey(['a', '1']));
  t.equal(hashKey(10n ** 30n), hashKey(10n ** 30n));
  for (const key of ['x', -1, 0.5, true, null, undefined, 2n ** 64n, [1, [2]], { k: 'v' }]) {
    const hash = hashKey(key);
    t.ok(Number.isInteger(hash) && hash >= 0 && hash < 2 ** 32, `hash of ${String(key)} is an unsigned 32-bit integer, got ${hash}`);
  }
});

t.test('keys hash as their Java counterparts do in Flink: murmurHash(key.hashCode())', async (t) => {
  t.equal(murmurHash(1), 68075478, 'MathUtils.murmurHash(1)');
  t.equal(murmurHash(0x80000000 | 0) >= 0, true, 'never negative');
  t.same(
    [hashCode('hello'), hashCode(''), hashCode(-7), hashCode(2 ** 40), hashCode(-(2 ** 40)), hashCode(1.5), hashCode(NaN), hashCode(true), hashCode(false)],
    [99162322, 0, -7, 256, -256, 1073217536, 2146959360, 1231, 1237],
    'String, Integer, Long, Double and Boolean hashCode');
  t.equal(hashCode(new Date(1700000000000)), -807048821, 'Date.hashCode');
  t.equal(hashCode(['a', 1]), 31 * 97 + 1, 'an array as a Tuple2: 31 * f0 + f1');
  t.equal(hashCode({ a: 1, b: 'x' }), (97 ^ 1) + (98 ^ 120), 'an object as a Map: the sum of key ^ value');
  t.equal(hashKey(-0), hashKey(0), '-0 and 0 are one key');
  t.throws(() => hashKey(Symbol('s')), /cannot use a symbol as a key/);
  t.throws(() => hashKey([() => 1]), /cannot use a function as a key/);
});

t.test('keys spread over the key groups', async (t) => {
  const counts = new Array(128).fill(0);
  for (let i = 0; i < 12_800; i++) counts[assignToKeyGroup(`word-${i}`, 128)]++;
  t.ok(Math.min(...counts) > 50 && Math.max(...counts) < 160, `key group sizes between 50 and 160 (expected ~100), got ${Math.min(...counts)}..${Math.max(...counts)}`);
});

t.test('every key group maps to a subtask, and the subtasks\' ranges partition [0, maxParallelism)', async (t) => {
  for (const [maxParallelism, parallelism] of [[128, 1], [128, 3], [128, 128], [7, 3], [4096, 100]]) {
    let next = 0;
    for (let index = 0; index < parallelism; index++) {
      const { startKeyGroup, endKeyGroup } = keyGroupRangeForOperator(maxParallelism, parallelism, index);
      t.equal(startKeyGroup, next, `range of subtask ${index}/${parallelism} (max ${maxParallelism}) starts where the previous ended`);
      for (let keyGroup = startKeyGroup; keyGroup <= endKeyGroup; keyGroup++) {
        const owner = computeOperatorIndexForKeyGroup(maxParallelism, parallelism, keyGroup);
        if (owner !== index) t.fail(`key group ${keyGroup} is in the range of subtask ${index} but maps to ${owner}`);
      }
      next = endKeyGroup + 1;
    }
    t.equal(next, maxParallelism, `ranges for parallelism ${parallelism} cover all ${maxParallelism} key groups`);
  }
  t.throws(() => keyGroupRangeForOperator(4, 5, 0), /parallelism 5 must be an integer in \[1, maxParallelism = 4\]/);
});
