// Flink's FileCommitter: commits pending part files by renaming each to its visible name.
// Idempotent, as a committer must be: after a restore, a file the failed attempt had already
// committed is found under its visible name and left alone.
import { existsSync } from 'node:fs';
import { rename } from 'node:fs/promises';
import type { Committer } from '../../lib/connector/sink2/sink.ts';
import type { PendingFileRecoverable } from './in-progress-part-file.ts';

/** Flink's FileSinkCommittable: one pending part file of one bucket. */
export interface FileSinkCommittable {
  bucketId: string;
  pendingFile: PendingFileRecoverable;
}

export class FileCommitter implements Committer<FileSinkCommittable> {
  async commit(committables: FileSinkCommittable[]): Promise<void> {
    await Promise.all(committables.map(({ pendingFile: { inProgressPath, targetPath } }) => commitPartFile(inProgressPath, targetPath)));
  }

  close(): void {}
}

async function commitPartFile(inProgressPath: string, targetPath: string): Promise<void> {
  try {
    await rename(inProgressPath, targetPath);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' && existsSync(targetPath)) return;
    throw new Error(`FileSink: cannot commit part file ${targetPath}: ${(error as Error).message}`);
  }
}
