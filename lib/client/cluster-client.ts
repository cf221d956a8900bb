// What the CLI uses to talk to a running cluster: submit a job, follow its status, list
// and cancel jobs, take savepoints and stop jobs with one, read a running job's figures.
// Replies from the Dispatcher arrive as Reply unions; errors become throws.
import type { NatsConnection } from 'nats';
import { ActorSystem, actorRef } from '../actor/index.ts';
import type { DispatcherMessage } from '../../actors/dispatcher.ts';
import type { SavepointRequest } from '../../actors/savepoint-requests.ts';
import type { Reply } from '../../actors/protocols.ts';
import type { CheckpointingStatistics } from '../checkpoint/checkpoint-stats-tracker.ts';
import { decodeControl } from '../codec/control-codec.ts';
import { Addresses, type JobId } from '../ids/addresses.ts';
import { JobArtifactStore } from '../job/job-artifact-store.ts';
import type { JobVertexBackPressureInfo } from '../metrics/job-vertex-back-pressure.ts';
import { terminalStatuses, type JobSubmission, type JobSummary } from '../job/job-submission.ts';
import { CollectedResults } from './collected-results.ts';

/** A JobManager that is not there is known at once (NATS: no responders); this only bounds one that is there but overloaded. */
const askTimeoutMs = 15_000;
/** A savepoint is answered once stored, or once it failed: at the latest when it expires (Flink's default checkpoint timeout). */
const savepointTimeoutMs = 600_000;
/** Status events are the fast path; polling covers a missed event or a JobManager gone silent. */
const pollIntervalMs = 2_000;
/** After this client's connection comes back, the JobManager's may take this long to follow (it retries every half second). */
const jobManagerReconnectGraceMs = 10_000;

export class ClusterClient {
  private readonly addresses: Addresses;
  private readonly dispatcher;

  private constructor(private readonly nc: NatsConnection, private readonly system: ActorSystem, namespace: string) {
    this.addresses = new Addresses(namespace);
    this.dispatcher = actorRef<DispatcherMessage>(this.addresses.dispatcher());
  }

  static async start(nc: NatsConnection, namespace: string): Promise<ClusterClient> {
    return new ClusterClient(nc, await ActorSystem.start({ nc, name: namespace }), namespace);
  }

  private async ask<T extends object = object>(build: (replyTo: ReturnType<typeof actorRef<Reply<T>>>) => DispatcherMessage, timeoutMs = askTimeoutMs): Promise<{ ok: true } & T> {
    let reply: Reply<T>;
    try {
      reply = await this.system.ask<Reply<T>, DispatcherMessage>(this.dispatcher, build, timeoutMs);
    } catch (error) {
      throw new Error(`the JobManager does not answer (${(error as Error).message}): is \`sluice jobmanager\` running on this cluster?`);
    }
    if (!reply.ok) throw new Error(reply.error);
    return reply;
  }

  /** Stores the bundle, then submits; `onStatus` sees every status change until the job ends. */
  async submit(submission: JobSubmission, bundle: string): Promise<JobWatch> {
    const artifacts = await JobArtifactStore.open(this.nc, this.addresses.namespace);
    await artifacts.putBundle(submission.jobId, bundle);
    const watch = this.watch(submission.jobId);
    try {
      await this.ask((replyTo) => ({ type: 'SubmitJob', submission, replyTo }));
    } catch (error) {
      watch.stop();
      await artifacts.deleteBundle(submission.jobId);
      throw error;
    }
    return watch;
  }

  /** Gathers what the job's executeAndCollect() sink sends back; call before submitting it. */
  collectResults(jobId: JobId, limit: number | undefined, onLimit: () => void): CollectedResults {
    return new CollectedResults(this.nc, this.addresses.jobResults(jobId), limit, onLimit);
  }

  watch(jobId: JobId): JobWatch {
    const subscription = this.nc.subscribe(this.addresses.jobStatus(jobId));
    let timer: NodeJS.Timeout | undefined;
    let reconnectedAt = -Infinity;
    const stopWatchingReconnects = this.system.connection.onReconnect(() => { reconnectedAt = Date.now(); });
    const listeners: ((summary: JobSummary) => void)[] = [];
    /** Every status seen so far, so that a listener added late still sees them all. */
    const history: JobSummary[] = [];
    const terminated = new Promise<JobSummary>((resolve, reject) => {
      const seen = (summary: JobSummary) => {
        if (summary.status !== history.at(-1)?.status) {
          history.push(summary);
          for (const listener of listeners) listener(summary);
        }
        if (terminalStatuses.has(summary.status)) {
          stop();
          resolve(summary);
        }
      };
      void (async () => {
        for await (const message of subscription) seen(decodeControl<JobSummary>(message.data));
      })();
      const poll = () => {
        timer = setTimeout(async () => {
          const { connection } = this.system;
          const interruptionsBefore = connection.interruptions;
          const connectedBefore = connection.isConnected;
          try {
            seen(await this.getJob(jobId));
            if (!subscription.isClosed()) poll();
          } catch (error) {
            // An ask lost to a nats-server restart says nothing about the JobManager, nor does one
            // that finds it still reconnecting after the restart: ask again.
            const jobManagerMayBeReconnecting = Date.now() - reconnectedAt < jobManagerReconnectGraceMs;
            if (!connectedBefore || !connection.isConnected || connection.interruptions !== interruptionsBefore || jobManagerMayBeReconnecting) {
              if (!subscription.isClosed()) poll();
              return;
            }
            stop();
            reject(error);
          }
        }, pollIntervalMs);
      };
      poll();
      // Once nats.js gives up reconnecting, nothing more can arrive: say so rather than wait for good.
      void this.nc.closed().then(() => {
        if (!stopped) reject(new Error(`lost the connection to the Sluice cluster at ${this.nc.getServer()}: it did not come back within the reconnect timeout (SLUICE_RECONNECT_TIMEOUT_MS); job ${jobId} may still be running`));
      });
    });
    let stopped = false;
    const stop = () => {
      stopped = true;
      clearTimeout(timer);
      stopWatchingReconnects();
      subscription.unsubscribe();
    };
    const onStatus = (listener: (summary: JobSummary) => void) => {
      for (const summary of history) listener(summary);
      listeners.push(listener);
    };
    return { terminated, onStatus, stop };
  }

  /** The job as the JobManager knows it now; an unknown job is an error naming it. */
  async getJob(jobId: JobId): Promise<JobSummary> {
    return (await this.ask<{ job: JobSummary }>((replyTo) => ({ type: 'GetJob', jobId, replyTo }))).job;
  }

  async list(): Promise<JobSummary[]> {
    return (await this.ask<{ jobs: JobSummary[] }>((replyTo) => ({ type: 'ListJobs', replyTo }))).jobs;
  }

  async cancel(jobId: JobId): Promise<void> {
    await this.ask((replyTo) => ({ type: 'CancelJob', jobId, replyTo }));
  }

  /** The job's checkpoint figures, as Flink's REST `/jobs/:jobid/checkpoints` gives them; only while the job runs. */
  async getCheckpointStats(jobId: JobId): Promise<CheckpointingStatistics> {
    return (await this.ask<{ stats: CheckpointingStatistics }>((replyTo) => ({ type: 'GetCheckpointStats', jobId, replyTo }))).stats;
  }

  /** A vertex's backpressure, as Flink's REST `/jobs/:jobid/vertices/:vertexid/backpressure` gives it; the vertex id is its head operator's uid. */
  async getJobVertexBackPressure(jobId: JobId, vertexId: string): Promise<JobVertexBackPressureInfo> {
    return (await this.ask<{ backPressure: JobVertexBackPressureInfo }>((replyTo) => ({ type: 'GetJobVertexBackPressure', jobId, vertexId, replyTo }))).backPressure;
  }

  /** Flink's triggerSavepoint: resolves with the savepoint's path; no `targetDirectory`: the cluster's state.savepoints.dir. */
  triggerSavepoint(jobId: JobId, targetDirectory?: string): Promise<string> {
    return this.savepoint(jobId, (replyTo) => ({ type: 'TriggerSavepoint', replyTo, ...(targetDirectory ? { targetDirectory } : {}) }));
  }

  /** Flink's stopWithSavepoint: resolves with the savepoint's path once it is stored; the job then ends FINISHED. */
  stopWithSavepoint(jobId: JobId, drain: boolean, targetDirectory?: string): Promise<string> {
    return this.savepoint(jobId, (replyTo) => ({ type: 'StopWithSavepoint', drain, replyTo, ...(targetDirectory ? { targetDirectory } : {}) }));
  }

  private async savepoint(jobId: JobId, request: (replyTo: SavepointRequest['replyTo']) => SavepointRequest): Promise<string> {
    return (await this.ask<{ path: string }>((replyTo) => ({ type: 'TriggerSavepoint', jobId, request: request(replyTo) }), savepointTimeoutMs)).path;
  }

  close(): Promise<void> {
    return this.system.shutdown();
  }
}

export interface JobWatch {
  terminated: Promise<JobSummary>;
  onStatus(listener: (summary: JobSummary) => void): void;
  stop(): void;
}
