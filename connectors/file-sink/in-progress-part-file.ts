// One in-progress part file: hidden (dot-prefixed) beside the name it will be committed
// under. Records are encoded into a buffer that goes to the file in large synchronous writes
// (never one write per record); `persist` writes the buffer out so that the file's length is
// what a checkpoint may record. A restore truncates the file back to that length and writes on.
import { closeSync, openSync, truncateSync, writeSync } from 'node:fs';
import type { EncoderStream } from './simple-string-encoder.ts';
import type { PartFileInfo } from './rolling-policy.ts';

const chunkChars = 256 * 1024;

/** What a checkpoint records of an in-progress part file (Flink's InProgressFileRecoverable). */
export interface InProgressFileRecoverable {
  inProgressPath: string;
  targetPath: string;
  /** The length written out at the checkpoint: a restore truncates the file to it. */
  size: number;
  creationTime: number;
  lastUpdateTime: number;
}

/** A part file closed for commit (Flink's PendingFileRecoverable): committing renames it to its target. */
export interface PendingFileRecoverable {
  inProgressPath: string;
  targetPath: string;
}

export class InProgressPartFile implements PartFileInfo, EncoderStream {
  private buffer = '';
  private fd: number;

  private constructor(
    readonly bucketId: string,
    private readonly inProgressPath: string,
    private readonly targetPath: string,
    private persisted: number,
    private readonly creationTime: number,
    private lastUpdateTime: number,
  ) {
    this.fd = openSync(inProgressPath, 'a');
  }

  static create(bucketId: string, inProgressPath: string, targetPath: string, now: number): InProgressPartFile {
    return new InProgressPartFile(bucketId, inProgressPath, targetPath, 0, now, now);
  }

  /** Resumes a part file a checkpoint recorded: what was written after that checkpoint is cut off. */
  static resume(bucketId: string, recoverable: InProgressFileRecoverable): InProgressPartFile {
    const { inProgressPath, targetPath, size, creationTime, lastUpdateTime } = recoverable;
    try {
      truncateSync(inProgressPath, size);
    } catch (error) {
      throw new Error(`FileSink: cannot resume in-progress part file ${inProgressPath} at ${size} bytes: ${(error as Error).message}`);
    }
    return new InProgressPartFile(bucketId, inProgressPath, targetPath, size, creationTime, lastUpdateTime);
  }

  write(text: string): void {
    this.buffer += text;
    if (this.buffer.length >= chunkChars) this.writeOut();
  }

  /** Marks a record written at `now` (for the inactivity interval). */
  touch(now: number): void {
    this.lastUpdateTime = now;
  }

  getSize(): number {
    return this.persisted + this.buffer.length;
  }

  getCreationTime(): number {
    return this.creationTime;
  }

  getLastUpdateTime(): number {
    return this.lastUpdateTime;
  }

  /** Writes the buffer out and says how to resume the file from here. */
  persist(): InProgressFileRecoverable {
    this.writeOut();
    return { inProgressPath: this.inProgressPath, targetPath: this.targetPath, size: this.persisted, creationTime: this.creationTime, lastUpdateTime: this.lastUpdateTime };
  }

  closeForCommit(): PendingFileRecoverable {
    this.writeOut();
    this.dispose();
    return { inProgressPath: this.inProgressPath, targetPath: this.targetPath };
  }

  /** Closes the file without committing it (a failure or a cancellation): it stays hidden. */
  dispose(): void {
    if (this.fd < 0) return;
    closeSync(this.fd);
    this.fd = -1;
  }

  private writeOut(): void {
    if (this.buffer === '') return;
    let bytes = Buffer.from(this.buffer);
    this.buffer = '';
    while (bytes.length > 0) {
      const written = writeSync(this.fd, bytes);
      this.persisted += written;
      bytes = bytes.subarray(written);
    }
  }
}
