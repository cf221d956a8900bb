// Buffers lines and writes them to a file descriptor in large chunks: one write per ~64 KiB
// or per short timer tick instead of one per record. Writes are synchronous so that lines
// from one writer never interleave or reorder, and `flush` guarantees they are out.
import { writeSync } from 'node:fs';

const chunkBytes = 64 * 1024;
const flushDelayMs = 20;
const retrySleep = new Int32Array(new SharedArrayBuffer(4));

export class LineWriter {
  private buffer = '';
  private timer?: NodeJS.Timeout;

  constructor(private readonly fd: number) {}

  writeLine(line: string): void {
    this.buffer += line + '\n';
    if (this.buffer.length >= chunkBytes) this.flush();
    // Unref'd: a pending flush must not keep a finished process alive (finish/close flush anyway).
    else this.timer ??= setTimeout(() => this.flush(), flushDelayMs).unref();
  }

  flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.buffer === '') return;
    let bytes = Buffer.from(this.buffer);
    this.buffer = '';
    while (bytes.length > 0) bytes = bytes.subarray(writeSome(this.fd, bytes));
  }
}

function writeSome(fd: number, bytes: Buffer): number {
  try {
    return writeSync(fd, bytes);
  } catch (error) {
    // stdout may be a non-blocking pipe: when it is full, wait a millisecond and retry.
    if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
    Atomics.wait(retrySleep, 0, 0, 1);
    return 0;
  }
}
