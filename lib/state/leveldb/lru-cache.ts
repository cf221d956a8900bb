// A bounded map that forgets the least recently used values first, approximately: the LevelDB
// backend's cache of hot values. Two generations of at most half the capacity each: a hit in
// the old one moves the value to the young one, and when the young one is full it becomes the
// old one and the old one is dropped. A hit costs one or two Map lookups, never a reordering.
export class LruCache<K, V> {
  private young = new Map<K, V>();
  private old = new Map<K, V>();
  private readonly generation: number;

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 2) throw new RangeError(`a cache needs a capacity of at least 2 entries, got ${capacity}`);
    this.generation = capacity >> 1;
  }

  get(key: K): V | undefined {
    const value = this.young.get(key);
    if (value !== undefined) return value;
    const aging = this.old.get(key);
    if (aging !== undefined) {
      this.old.delete(key);
      this.set(key, aging);
    }
    return aging;
  }

  set(key: K, value: V): void {
    this.old.delete(key);
    this.young.set(key, value);
    if (this.young.size >= this.generation) {
      this.old = this.young;
      this.young = new Map();
    }
  }

  delete(key: K): void {
    this.young.delete(key);
    this.old.delete(key);
  }

  clear(): void {
    this.young.clear();
    this.old.clear();
  }
}
