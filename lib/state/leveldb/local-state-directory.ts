// Where the LevelDB state backend makes its databases: the TaskManager's $SLUICE_TMP, else the
// system's temporary directory. A slot's worker thread sees the job's environment, not its
// TaskManager's, so the TaskManager hands its choice to the worker, which sets it here.
import { tmpdir } from 'node:os';

let directory: string | undefined;

export function localStateDirectory(): string {
  return directory ?? (process.env.SLUICE_TMP || tmpdir());
}

export function setLocalStateDirectory(path: string): void {
  directory = path;
}
