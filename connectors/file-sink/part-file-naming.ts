// Part file names, as Flink's FileSink names them: `<prefix>-<uid>-<subtask>-<counter><suffix>`
// once committed, `.<that name>.inprogress.<uuid>` while in progress or pending. The uid is
// new for every writer (every attempt), so no attempt reuses a name an earlier one committed.
import { randomUUID } from 'node:crypto';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { OutputFileConfig } from './output-file-config.ts';

export class PartFileNaming {
  private readonly uid = randomUUID();

  constructor(
    private readonly config: OutputFileConfig,
    private readonly subtask: number,
  ) {}

  partFileName(counter: number): string {
    return `${this.config.getPartPrefix()}-${this.uid}-${this.subtask}-${counter}${this.config.getPartSuffix()}`;
  }

  static inProgressFileName(partFileName: string): string {
    return `.${partFileName}.inprogress.${randomUUID()}`;
  }
}

/**
 * Deletes this subtask's in-progress part files under `basePath` that no completed checkpoint
 * covers (all but `keep`): an earlier attempt wrote them after its last completed checkpoint.
 */
export function discardUncommittedPartFiles(basePath: string, config: OutputFileConfig, subtask: number, keep: ReadonlySet<string>): void {
  if (!existsSync(basePath)) return;
  const uuid = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
  const ours = new RegExp(`^\\.${escape(config.getPartPrefix())}-${uuid}-${subtask}-\\d+${escape(config.getPartSuffix())}\\.inprogress\\.${uuid}$`);
  for (const relative of readdirSync(basePath, { recursive: true, encoding: 'utf8' })) {
    const path = join(basePath, relative);
    if (ours.test(basename(relative)) && !keep.has(path)) rmSync(path, { force: true });
  }
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
