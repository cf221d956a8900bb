// The recovery benchmark: seconds from a TaskManager's SIGKILL to the job RUNNING again.
// Real processes, as a deployment runs them: a nats-server, a JobManager and TaskManagers
// started through the CLI. The job runs on one TaskManager with a spare beside it; once a
// checkpoint completed, the busy TaskManager is killed, and the clock stops when the client
// sees RUNNING again (the loss noticed by the heartbeat timeout, the restart delay, new
// slots, the restore). Each round kills the TaskManager the job moved to.
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { withClient } from '../client/with-client.ts';
import type { JobStatus } from '../api/job-status.ts';
import { prepareSubmission } from '../job/prepare-submission.ts';
import { startNatsServer } from '../nats/nats-server.ts';
import { defaultClusterOptions, type ClusterOptions } from '../settings/cluster-options.ts';

const bin = fileURLToPath(new URL('../cli/bin.js', import.meta.url));
const job = fileURLToPath(new URL('./jobs/recovery-job.ts', import.meta.url));

export interface Heartbeat {
  intervalMs: number;
  timeoutMs: number;
}

/** One round, in seconds from the kill. */
export interface RecoveryTime {
  /** The JobMaster noticed the loss: the job RESTARTING. */
  restarting: number;
  /** The new attempts all run. */
  running: number;
}

export async function measureRecoveryTimes(rounds: number, heartbeat: Heartbeat): Promise<RecoveryTime[]> {
  const server = await startNatsServer();
  const options: ClusterOptions = { ...defaultClusterOptions, url: server.url, namespace: 'recovery-bench', heartbeatIntervalMs: heartbeat.intervalMs, heartbeatTimeoutMs: heartbeat.timeoutMs };
  const env = { ...process.env, SLUICE_NAMESPACE: options.namespace, SLUICE_HEARTBEAT_INTERVAL_MS: String(heartbeat.intervalMs), SLUICE_HEARTBEAT_TIMEOUT_MS: String(heartbeat.timeoutMs) };
  const processes: ChildProcess[] = [];
  const start = async (role: 'jobmanager' | 'taskmanager', ready: RegExp) => {
    const child = spawn(process.execPath, [bin, role, ...(role === 'taskmanager' ? ['--slots', '2'] : []), '--cluster', server.url], { env, stdio: ['ignore', 'ignore', 'pipe'] });
    processes.push(child);
    await printed(child, ready);
    return child;
  };
  try {
    await start('jobmanager', /JobManager running/);
    let busy = await start('taskmanager', /TaskManager \S+ running/);
    return await withClient(options, async (client) => {
      const { submission, bundle } = await prepareSubmission(job, [], { defaultParallelism: 2 });
      const watch = await client.submit(submission, bundle);
      const seen: Array<{ status: JobStatus; at: number }> = [];
      const waiters: Array<() => void> = [];
      watch.onStatus((summary) => {
        seen.push({ status: summary.status, at: performance.now() });
        for (const waiter of waiters.splice(0)) waiter();
      });
      const statusAfter = async (status: JobStatus, since: number): Promise<number> => {
        for (;;) {
          const found = seen.find((entry) => entry.status === status && entry.at >= since);
          if (found) return found.at;
          const ended = seen.find((entry) => ['FAILED', 'CANCELED', 'FINISHED'].includes(entry.status));
          if (ended) throw new Error(`the recovery job ended ${ended.status}`);
          await new Promise<void>((resolve) => waiters.push(resolve));
        }
      };
      await statusAfter('RUNNING', 0);
      const times: RecoveryTime[] = [];
      for (let round = 0; round < rounds; round++) {
        const spare = await start('taskmanager', /TaskManager \S+ running/);
        const completed = (await client.getCheckpointStats(submission.jobId)).counts.completed;
        while ((await client.getCheckpointStats(submission.jobId)).counts.completed <= completed) await new Promise((resolve) => setTimeout(resolve, 50));
        const killedAt = performance.now();
        busy.kill('SIGKILL');
        const restarting = await statusAfter('RESTARTING', killedAt);
        const running = await statusAfter('RUNNING', killedAt);
        times.push({ restarting: (restarting - killedAt) / 1000, running: (running - killedAt) / 1000 });
        busy = spare;
      }
      await client.cancel(submission.jobId);
      await watch.terminated;
      return times;
    });
  } finally {
    for (const child of processes) await stop(child);
    await server.stop();
  }
}

function printed(child: ChildProcess, pattern: RegExp): Promise<void> {
  return new Promise((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk;
      if (pattern.test(output)) {
        child.stderr!.off('data', onData);
        child.stderr!.resume();
        resolve();
      }
    };
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`a process of the recovery benchmark exited (code ${code}) before printing ${pattern}:\n${output}`)));
  });
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}
