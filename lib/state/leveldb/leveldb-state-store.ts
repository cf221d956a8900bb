// The database under one LevelDB keyed state backend, made to serve synchronous state
// accesses: a read looks in the write buffer, then the cache of hot values, then the writes
// still on their way to disk, and only then asks LevelDB (getSync). A write lands in the write
// buffer; when the buffer is full its entries are encoded and written as one db.batch() in the
// background, never one await per record. Batches are written one after the other, so a
// snapshot taken between two of them sees exactly the writes before it.
import { rm } from 'node:fs/promises';
import { Level } from 'level';
import { LruCache } from './lru-cache.ts';

/** A buffered write: the value is encoded only when the buffer is flushed. */
export interface BufferedWrite {
  readonly value: unknown;
  encode(): Uint8Array;
}

const deleted = Symbol('deleted');

/** A point-in-time view of the database (LevelDB's snapshot). */
export type DatabaseSnapshot = ReturnType<Level<string, Uint8Array>['snapshot']>;

type BatchOperation = { type: 'put'; key: string; value: Uint8Array } | { type: 'del'; key: string };

export interface LevelDBStateStoreOptions {
  /** How many decoded values the cache keeps. */
  cacheEntries: number;
  /** How many buffered writes start a background batch. */
  writeBatchEntries: number;
  /** Names the operator subtask in errors. */
  description: string;
}

export class LevelDBStateStore {
  private readonly db: Level<string, Uint8Array>;
  private readonly cache: LruCache<string, unknown>;
  private writeBuffer = new Map<string, BufferedWrite | typeof deleted>();
  /** Encoded by a flush whose batch is not written yet: the bytes, or null for a delete. */
  private readonly inFlight = new Map<string, Uint8Array | null>();
  /** The batches, chained; a snapshot view is taken between two of them. */
  private writes: Promise<void> = Promise.resolve();
  private failure?: Error;

  constructor(readonly directory: string, private readonly options: LevelDBStateStoreOptions) {
    this.db = new Level<string, Uint8Array>(directory, { valueEncoding: 'view' });
    this.cache = new LruCache(options.cacheEntries);
  }

  async open(): Promise<void> {
    try {
      await this.db.open();
    } catch (error) {
      throw new Error(`${this.options.description}: cannot open the LevelDB state backend in ${this.directory}: ${describeCause(error)}`);
    }
  }

  /** The value under `key`, decoded by `decode` when it comes from disk; undefined when there is none. */
  get(key: string, decode: (bytes: Uint8Array) => unknown): unknown {
    this.throwIfFailed();
    const buffered = this.writeBuffer.get(key);
    if (buffered !== undefined) return buffered === deleted ? undefined : buffered.value;
    const cached = this.cache.get(key);
    if (cached !== undefined) return cached;
    const bytes = this.inFlight.has(key) ? this.inFlight.get(key) : this.db.getSync(key);
    if (bytes === null || bytes === undefined) return undefined;
    const value = decode(bytes);
    this.cache.set(key, value);
    return value;
  }

  put(key: string, write: BufferedWrite): void {
    this.buffer(key, write);
  }

  delete(key: string): void {
    this.buffer(key, deleted);
  }

  /** Encodes the buffered writes now and writes them as one batch after the batches before. */
  flush(): void {
    if (this.writeBuffer.size === 0) return;
    const operations: BatchOperation[] = [];
    for (const [key, write] of this.writeBuffer) {
      if (write === deleted) {
        operations.push({ type: 'del', key });
        this.inFlight.set(key, null);
      } else {
        const value = write.encode();
        operations.push({ type: 'put', key, value });
        this.inFlight.set(key, value);
        this.cache.set(key, write.value);
      }
    }
    this.writeBuffer = new Map();
    this.writes = this.writes
      .then(() => this.db.batch(operations))
      .then(() => {
        // A later flush of the same key is still in flight: its bytes stay readable.
        for (const operation of operations) {
          if (this.inFlight.get(operation.key) === (operation.type === 'put' ? operation.value : null)) this.inFlight.delete(operation.key);
        }
      })
      .catch((error: unknown) => {
        this.failure ??= new Error(`${this.options.description}: writing keyed state to ${this.directory} failed: ${describeCause(error)}`);
      });
  }

  /**
   * The synchronous part of a snapshot: every write so far is flushed, and the view is taken
   * after those batches and before any later one, so it holds the state as it is now.
   */
  snapshotView(): Promise<DatabaseSnapshot> {
    this.throwIfFailed();
    this.flush();
    const view = this.writes.then(() => {
      this.throwIfFailed();
      return this.db.snapshot();
    });
    this.writes = view.then(() => undefined, () => undefined);
    return view;
  }

  /** The entries with keys in [gte, lt) as the view saw them, in key order. */
  async *entries(view: DatabaseSnapshot, gte: string, lt: string): AsyncGenerator<[string, Uint8Array]> {
    for await (const entry of this.db.iterator({ gte, lt, snapshot: view })) yield entry;
  }

  /** Waits for the batches in flight, closes the database and removes its directory. */
  async destroy(): Promise<void> {
    this.writeBuffer.clear();
    this.cache.clear();
    await this.writes;
    this.inFlight.clear();
    await this.db.close();
    await rm(this.directory, { recursive: true, force: true });
  }

  private buffer(key: string, write: BufferedWrite | typeof deleted): void {
    this.throwIfFailed();
    this.writeBuffer.set(key, write);
    this.cache.delete(key);
    if (this.writeBuffer.size >= this.options.writeBatchEntries) this.flush();
  }

  private throwIfFailed(): void {
    if (this.failure) throw this.failure;
  }
}

function describeCause(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
