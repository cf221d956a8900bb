// A directory as a user names it, by Flink's habit: a path, or a `file://` URI
// (`file:///tmp/checkpoints`). Only local file systems exist here, so another scheme
// (hdfs://, s3://) is refused by name rather than taken for a relative path.
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The absolute local path; `where` names the setting or option in errors. */
export function localPath(pathOrUri: string, where: string): string {
  if (typeof pathOrUri !== 'string' || pathOrUri.trim() === '') throw new Error(`${where}: the directory must be a non-empty path`);
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(pathOrUri)?.[1];
  if (scheme === undefined) return resolve(pathOrUri);
  if (scheme.toLowerCase() !== 'file') throw new Error(`${where}: '${pathOrUri}' is on a ${scheme}:// file system; Sluice reads and writes local directories only (a path or a file:// URI)`);
  return fileURLToPath(pathOrUri);
}
