// The database under one LevelDB keyed state backend, made to serve synchronous state
// accesses: a read looks in the write buffer, then the cache of hot values, then the writes
// still on their way to disk, and only then asks LevelDB (getSync). A write lands in the write
// buffer; when the buffer is full its entries are encoded and written as one db.batch() in the
// background, never one await per record. A snapshot is LevelDB's view plus the writes still
// on their way to disk, both taken synchronously.
import { rm } from 'node:fs/promises';
import { Level } from 'level';
import { LruCache } from './lru-cache.ts';

/** A buffered write: the value is encoded only when the buffer is flushed. */
export interface BufferedWrite {
  readonly value: unknown;
  encode(): Uint8Array;
}

const deleted = Symbol('deleted');

/** The database at one point in time: LevelDB's view, and the writes not in it yet (null: a delete). */
export interface StoreSnapshot {
  readonly view: ReturnType<Level<string, Uint8Array>['snapshot']>;
  readonly notYetWritten: ReadonlyMap<string, Uint8Array | null>;
}

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
  /** The batches, written one after the other. */
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
   * The synchronous part of a snapshot: the buffered writes are encoded (and sent on as a
   * batch), and LevelDB's view is taken now, beside the writes it may not hold yet: those of
   * the batches in flight. Nothing here waits, so the task's thread goes on at once.
   */
  snapshot(): StoreSnapshot {
    this.throwIfFailed();
    this.flush();
    return { view: this.db.snapshot(), notYetWritten: new Map(this.inFlight) };
  }

  /**
   * The asynchronous part: the entries with keys in [gte, lt) as they were when `snapshot` was
   * taken, in key order (the view's entries, overridden by the writes it did not hold yet).
   */
  async read(snapshot: StoreSnapshot, gte: string, lt: string): Promise<Array<[string, Uint8Array]>> {
    const entries = new Map(await this.db.iterator({ gte, lt, snapshot: snapshot.view }).all());
    for (const [key, bytes] of snapshot.notYetWritten) {
      if (key < gte || key >= lt) continue;
      if (bytes === null) entries.delete(key);
      else entries.set(key, bytes);
    }
    return [...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
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
