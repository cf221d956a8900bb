// A real cluster started with the CLI, as a user starts one: a nats-server, one JobManager and
// two TaskManagers, and a work directory for the jobs' output, all torn down with the test file.
import t from 'tap';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startNatsServer } from '../../lib/nats/nats-server.ts';
import { startSluice } from './sluice-process.ts';

export interface SluiceCluster {
  /** `--cluster <url>`: points a CLI command at this cluster. */
  cluster: string[];
  /** A temporary directory for the jobs' output, removed at teardown. */
  work: string;
  /** The lines of every subtask's file in one sink's output directory under `work`, sorted. */
  linesOf(sink: string): string[];
}

/** Resolves once the JobManager and both TaskManagers run; `workPrefix` names the work directory. */
export async function startSluiceCluster(options: { slotsPerTaskManager: number; workPrefix: string }): Promise<SluiceCluster> {
  const server = await startNatsServer();
  const work = mkdtempSync(join(tmpdir(), options.workPrefix));
  const cluster = ['--cluster', server.url];
  const jobManager = startSluice(['jobmanager', ...cluster]);
  const taskManagers = [0, 1].map(() => startSluice(['taskmanager', '--slots', String(options.slotsPerTaskManager), ...cluster]));
  t.teardown(async () => {
    await Promise.all(taskManagers.map((tm) => tm.stop()));
    await jobManager.stop();
    await server.stop();
    rmSync(work, { recursive: true, force: true });
  });
  await jobManager.waitFor(/JobManager running/);
  await Promise.all(taskManagers.map((tm) => tm.waitFor(/TaskManager \S+ running/)));
  return {
    cluster,
    work,
    linesOf(sink) {
      const directory = join(work, sink);
      return readdirSync(directory).flatMap((file) => readFileSync(join(directory, file), 'utf8').split('\n').filter(Boolean)).sort();
    },
  };
}
