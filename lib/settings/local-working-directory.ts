// Where a TaskManager keeps its local files: the LevelDB state backend's databases and the
// job files its slots evaluate. That is its $SLUICE_TMP, else the system's temporary
// directory. A slot's worker thread sees the job's environment, not its TaskManager's, so
// the TaskManager hands its choice to the worker, which sets it here.
import { tmpdir } from 'node:os';

let directory: string | undefined;

export function localWorkingDirectory(): string {
  return directory ?? (process.env.SLUICE_TMP || tmpdir());
}

export function setLocalWorkingDirectory(path: string): void {
  directory = path;
}
