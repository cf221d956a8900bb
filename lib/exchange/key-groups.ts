// Flink's key groups: a key hashes to one of `maxParallelism` key groups, and each
// subtask owns a contiguous range of them, so keyed state can be rescaled by moving
// whole key groups between subtasks.

/** A key group index in [0, maxParallelism). */
export type KeyGroup = number;

/** Inclusive range of key groups, as Flink's KeyGroupRange. */
export interface KeyGroupRange {
  startKeyGroup: KeyGroup;
  endKeyGroup: KeyGroup;
}

/**
 * A value that is equal (SameValueZero, as Map keys) exactly when two keys are equal by
 * value: primitives stay as they are, arrays and objects become their canonical form.
 */
export function keyIdentity(key: unknown): unknown {
  return typeof key === 'object' && key !== null ? `\u0000${stableJson(key)}` : key;
}

function stableJson(value: unknown): string {
  switch (typeof value) {
    case 'string': return JSON.stringify(value);
    case 'bigint': return `${value}n`;
    case 'undefined': return 'undefined';
    case 'number': case 'boolean': return String(value);
    case 'object': {
      if (value === null) return 'null';
      if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
      if (value instanceof Date) return `Date(${value.toISOString()})`;
      const entries = Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${stableJson((value as Record<string, unknown>)[k])}`);
      return `{${entries.join(',')}}`;
    }
    default: throw new TypeError(`cannot use a ${typeof value} as a key`);
  }
}

const doubleBits = new DataView(new ArrayBuffer(8));

/** Java's `Long.hashCode`: the two 32-bit halves XORed. For integers beyond 32 bits. */
function longHashCode(value: number): number {
  const high = Math.floor(value / 2 ** 32);
  return (value - high * 2 ** 32) ^ high;
}

/** Java's `Double.hashCode`, NaN canonical as `Double.doubleToLongBits` makes it. */
function doubleHashCode(value: number): number {
  if (Number.isNaN(value)) return 0x7ff80000;
  doubleBits.setFloat64(0, value);
  return doubleBits.getInt32(0) ^ doubleBits.getInt32(4);
}

function stringHashCode(text: string): number {
  let h = 0;
  for (let i = 0; i < text.length; i++) h = (Math.imul(h, 31) + text.charCodeAt(i)) | 0;
  return h;
}

/**
 * The key's Java `hashCode()`, so that a key lands in the key group Flink gives it: a string
 * as `String`, an integer as `Integer` (or `Long` beyond 32 bits), another number as
 * `Double`, a boolean as `Boolean`, a Date as `Date`, an array as Flink's `Tuple` (31 * h +
 * field), a plain object as a `java.util.Map` (sum of key ^ value: independent of key order).
 * A bigint has no counterpart among Flink's key types: its decimal digits are hashed, so
 * that `1n` and `1` land apart. Computed in place, without building a string per key.
 */
export function hashCode(key: unknown): number {
  switch (typeof key) {
    case 'string': return stringHashCode(key);
    case 'number':
      if ((key | 0) === key) return key | 0;
      return Number.isSafeInteger(key) ? longHashCode(key) : doubleHashCode(key);
    case 'boolean': return key ? 1231 : 1237;
    case 'bigint': return stringHashCode(`${key}n`);
    case 'undefined': return 0;
    case 'object': {
      if (key === null) return 0;
      if (Array.isArray(key)) {
        let h = 0;
        for (let i = 0; i < key.length; i++) h = (Math.imul(h, 31) + hashCode(key[i])) | 0;
        return h;
      }
      if (key instanceof Date) return longHashCode(key.getTime());
      let h = 0;
      for (const field of Object.keys(key)) h = (h + (stringHashCode(field) ^ hashCode((key as Record<string, unknown>)[field]))) | 0;
      return h;
    }
    default: throw new TypeError(`cannot use a ${typeof key} as a key`);
  }
}

/** Flink's `MathUtils.murmurHash`: one murmur3 round and finalizer over a hash code, non-negative. */
export function murmurHash(code: number): number {
  let h = Math.imul(code, 0xcc9e2d51);
  h = (h << 15) | (h >>> 17);
  h = Math.imul(h, 0x1b873593);
  h = (h << 13) | (h >>> 19);
  h = (Math.imul(h, 5) + 0xe6546b64) | 0;
  h ^= 4;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  // Java negates a negative result, and maps Integer.MIN_VALUE (which has no negation) to 0.
  return h >= 0 ? h : h === -0x80000000 ? 0 : -h;
}

/** A stable, non-negative 32-bit hash of a key: Flink's `murmurHash(key.hashCode())`. */
export function hashKey(key: unknown): number {
  return murmurHash(hashCode(key));
}

/** Flink's `KeyGroupRangeAssignment.assignToKeyGroup`. */
export function assignToKeyGroup(key: unknown, maxParallelism: number): KeyGroup {
  return hashKey(key) % maxParallelism;
}

export function computeOperatorIndexForKeyGroup(maxParallelism: number, parallelism: number, keyGroup: KeyGroup): number {
  return Math.floor((keyGroup * parallelism) / maxParallelism);
}

export function checkParallelism(maxParallelism: number, parallelism: number): void {
  if (!Number.isInteger(parallelism) || parallelism < 1 || !Number.isInteger(maxParallelism) || parallelism > maxParallelism) {
    throw new RangeError(`parallelism ${parallelism} must be an integer in [1, maxParallelism = ${maxParallelism}]`);
  }
}

/** The key groups owned by subtask `index`: exactly those that computeOperatorIndexForKeyGroup maps to it. */
export function keyGroupRangeForOperator(maxParallelism: number, parallelism: number, index: number): KeyGroupRange {
  checkParallelism(maxParallelism, parallelism);
  return {
    startKeyGroup: Math.floor((index * maxParallelism + parallelism - 1) / parallelism),
    endKeyGroup: Math.floor(((index + 1) * maxParallelism - 1) / parallelism),
  };
}
