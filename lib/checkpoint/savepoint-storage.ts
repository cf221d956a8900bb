// Where a savepoint goes: a directory of its own, `<targetDirectory>/savepoint-<first 6 of
// the job id>-<12 random hex>` as Flink names it, holding a LevelDB store in the checkpoint
// format. It is self-contained (a restore needs nothing else) and the job never discards it.
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { CompletedCheckpoint } from './completed-checkpoint.ts';
import { writeCheckpointDirectory } from './leveldb-checkpoint-storage.ts';

export function savepointPath(targetDirectory: string, jobId: string): string {
  return join(targetDirectory, `savepoint-${jobId.slice(0, 6)}-${randomBytes(6).toString('hex')}`);
}

/** Writes the savepoint and resolves with its path, once it is stored for good. */
export async function storeSavepoint(targetDirectory: string, savepoint: CompletedCheckpoint): Promise<string> {
  const path = savepointPath(targetDirectory, savepoint.jobId);
  await writeCheckpointDirectory(path, savepoint);
  return path;
}
