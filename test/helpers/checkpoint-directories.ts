// What a test, or a test job, sees of a filesystem checkpoint storage from outside the job.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Whether `<checkpoints>/<jobId>/chk-<n>` exists for some job. The coordinator removes
 * subsumed checkpoints meanwhile, so a directory may vanish while it is read.
 */
export function hasCompletedCheckpoint(checkpoints: string): boolean {
  try {
    return readdirSync(checkpoints).some((job) => readdirSync(join(checkpoints, job)).some((name) => /^chk-\d+$/.test(name)));
  } catch {
    return false;
  }
}
