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

/** A canonical string per key: equal keys give equal strings, whatever the object key order. */
function canonicalForm(key: unknown): string {
  switch (typeof key) {
    case 'string': return key;
    case 'number': return `n:${key}`;
    case 'boolean': return `b:${key}`;
    case 'bigint': return `i:${key}`;
    case 'undefined': return 'u:';
    default: return `j:${stableJson(key)}`;
  }
}

/**
 * A value that is equal (SameValueZero, as Map keys) exactly when two keys are equal by
 * value: primitives stay as they are, arrays and objects become their canonical form.
 */
export function keyIdentity(key: unknown): unknown {
  return typeof key === 'object' && key !== null ? `\u0000${canonicalForm(key)}` : key;
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

/** murmur3 (x86, 32 bit, seed 0) over the UTF-16 code units, two per 32-bit block. */
function murmur3(text: string): number {
  let h = 0;
  const length = text.length;
  const blocks = length & ~1;
  for (let i = 0; i < blocks; i += 2) {
    h = mixIntoHash(h, text.charCodeAt(i) | (text.charCodeAt(i + 1) << 16));
    h = Math.imul((h << 13) | (h >>> 19), 5) + 0xe6546b64;
  }
  if (length & 1) h = mixIntoHash(h, text.charCodeAt(length - 1));
  h ^= length * 2;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

function mixIntoHash(h: number, block: number): number {
  let k = Math.imul(block, 0xcc9e2d51);
  k = (k << 15) | (k >>> 17);
  return h ^ Math.imul(k, 0x1b873593);
}

/** A stable, non-negative 32-bit hash of a key. */
export function hashKey(key: unknown): number {
  return murmur3(canonicalForm(key));
}

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
