// Buffers lines and writes them to a file descriptor in large chunks: one write per ~64 KiB
// or per short timer tick instead of one per record. Writes are synchronous so that lines
// from one writer never interleave or reorder, and `flush` guarantees they are out.
// Several slot threads share stdout: each write is at most PIPE_BUF bytes and ends at a
// line break, so that a pipe takes it whole and lines of two writers never mix.
import { writeSync } from 'node:fs';

const chunkBytes = 64 * 1024;
/** Writes up to this size are atomic on a pipe (POSIX PIPE_BUF on Linux). */
const atomicWriteBytes = 4096;
const newline = 0x0a;
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
    while (bytes.length > 0) bytes = bytes.subarray(writeSome(this.fd, bytes.subarray(0, wholeLinesUpTo(bytes, atomicWriteBytes))));
  }
}

/** The length of the longest prefix of whole lines within `limit` bytes (a longer single line goes whole). */
function wholeLinesUpTo(bytes: Buffer, limit: number): number {
  if (bytes.length <= limit) return bytes.length;
  const lastBreak = bytes.lastIndexOf(newline, limit - 1);
  if (lastBreak >= 0) return lastBreak + 1;
  const nextBreak = bytes.indexOf(newline, limit);
  return nextBreak >= 0 ? nextBreak + 1 : bytes.length;
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
