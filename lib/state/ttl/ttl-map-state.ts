// MapState with TTL (Flink's TtlMapState): every entry expires on its own.
import type { InternalMapState } from '../internal-kv-state.ts';
import { AbstractTtlState } from './abstract-ttl-state.ts';
import type { TtlValue } from './ttl-value.ts';

export class TtlMapState<N, UK, UV> extends AbstractTtlState<N, InternalMapState<N, UK, TtlValue<UV>>> implements InternalMapState<N, UK, UV> {
  get(key: UK): UV | null {
    return this.getUnexpired(key, this.original.get(key)) ?? null;
  }

  put(key: UK, value: UV): void {
    this.original.put(key, this.wrap(value));
  }

  putAll(entries: Map<UK, UV> | Iterable<readonly [UK, UV]>): void {
    this.original.putAll(Array.from(entries, ([key, value]) => [key, this.wrap(value)] as const));
  }

  remove(key: UK): void {
    this.original.remove(key);
  }

  contains(key: UK): boolean {
    return this.get(key) !== null;
  }

  *entries(): Iterable<[UK, UV]> {
    // Collected first: reading may remove expired entries from the map being iterated.
    for (const [key, stored] of [...this.original.entries()]) {
      const value = this.getUnexpired(key, stored);
      if (value !== undefined) yield [key, value];
    }
  }

  *keys(): Iterable<UK> {
    for (const [key] of this.entries()) yield key;
  }

  *values(): Iterable<UV> {
    for (const [, value] of this.entries()) yield value;
  }

  isEmpty(): boolean {
    for (const _ of this.entries()) return false;
    return true;
  }

  private getUnexpired(key: UK, stored: TtlValue<UV> | null): UV | undefined {
    return this.readUnexpired(stored, () => this.original.remove(key), (refreshed) => this.original.put(key, refreshed));
  }
}
