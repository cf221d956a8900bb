// Dispatcher: the JobManager's front door. Accepts submissions, runs one JobMaster per job,
// keeps every job's summary for `sluice list`, and forwards cancellations and savepoint requests.
import type { Actor, ActorContext, ActorRef } from '../lib/actor/index.ts';
import { assertSubjectToken, type Addresses, type JobId } from '../lib/ids/addresses.ts';
import type { CheckpointingStatistics } from '../lib/checkpoint/checkpoint-stats-tracker.ts';
import type { JobArtifactStore } from '../lib/job/job-artifact-store.ts';
import type { JobVertexBackPressureInfo } from '../lib/metrics/job-vertex-back-pressure.ts';
import { terminalStatuses, type JobSubmission, type JobSummary } from '../lib/job/job-submission.ts';
import { JobMaster, type JobMasterMessage, type SavepointRequest } from './job-master.ts';
import type { Reply } from './protocols.ts';
import type { StateBackendType } from '../lib/state/state-backend.ts';
import type { ResourceManagerMessage } from './resource-manager.ts';

export type DispatcherMessage =
  | { type: 'SubmitJob'; submission: JobSubmission; replyTo: ActorRef<Reply> }
  | { type: 'ListJobs'; replyTo: ActorRef<Reply<{ jobs: JobSummary[] }>> }
  | { type: 'GetJob'; jobId: JobId; replyTo: ActorRef<Reply<{ job: JobSummary }>> }
  | { type: 'CancelJob'; jobId: JobId; replyTo: ActorRef<Reply> }
  /** Answered by the job's JobMaster while it runs. */
  | { type: 'GetCheckpointStats'; jobId: JobId; replyTo: ActorRef<Reply<{ stats: CheckpointingStatistics }>> }
  | { type: 'GetJobVertexBackPressure'; jobId: JobId; vertexId: string; replyTo: ActorRef<Reply<{ backPressure: JobVertexBackPressureInfo }>> }
  /** `sluice savepoint` and `sluice stop`: the JobMaster answers with the savepoint's path. */
  | { type: 'TriggerSavepoint'; jobId: JobId; request: SavepointRequest }
  | { type: 'JobStatusChanged'; summary: JobSummary }
  | { type: 'JobMasterStopped'; jobId: JobId };

/** How long the JobMaster has to answer a figures request: less than the client waits. */
const figuresTimeoutMs = 3_000;

export interface DispatcherDependencies {
  addresses: Addresses;
  resourceManager: ActorRef<ResourceManagerMessage>;
  artifacts: JobArtifactStore;
  deploymentTimeoutMs: number;
  /** Flink's state.savepoints.dir. */
  savepointsDirectory?: string;
  /** The cluster's `state.backend.type`, for the jobs that chose none. */
  defaultStateBackend: StateBackendType;
}

export class Dispatcher implements Actor<DispatcherMessage> {
  private readonly jobs = new Map<JobId, JobSummary>();
  private readonly jobMasters = new Map<JobId, ActorRef<JobMasterMessage>>();

  constructor(private readonly deps: DispatcherDependencies) {}

  receive(message: DispatcherMessage, ctx: ActorContext<DispatcherMessage>): void {
    switch (message.type) {
      case 'SubmitJob': {
        const submission = message.submission.jobGraph.stateBackend ? message.submission
          : { ...message.submission, jobGraph: { ...message.submission.jobGraph, stateBackend: this.deps.defaultStateBackend } };
        const problem = this.validate(submission);
        if (problem) {
          ctx.tell(message.replyTo, { ok: false, error: problem });
          return;
        }
        this.jobs.set(submission.jobId, { jobId: submission.jobId, jobName: submission.jobName, status: 'CREATED', startTime: Date.now() });
        const jobMaster = ctx.spawn<JobMasterMessage>({
          id: `job-${submission.jobId}`,
          address: this.deps.addresses.jobMaster(submission.jobId),
          restart: 'temporary',
          start: () => new JobMaster(submission, { ...this.deps, dispatcher: ctx.self }),
        });
        this.jobMasters.set(submission.jobId, jobMaster);
        ctx.watchWith(jobMaster, { type: 'JobMasterStopped', jobId: submission.jobId });
        ctx.log.info('job submitted', { jobId: submission.jobId, jobName: submission.jobName });
        ctx.tell(message.replyTo, { ok: true });
        return;
      }
      case 'ListJobs':
        ctx.tell(message.replyTo, { ok: true, jobs: [...this.jobs.values()].sort((a, b) => a.startTime - b.startTime) });
        return;
      case 'GetJob': {
        const job = this.jobs.get(message.jobId);
        ctx.tell(message.replyTo, job ? { ok: true, job } : { ok: false, error: `no job ${message.jobId}` });
        return;
      }
      case 'CancelJob': {
        const jobMaster = this.runningJobMaster(message.jobId, message.replyTo, ctx);
        if (jobMaster) ctx.tell(jobMaster, { type: 'Cancel', replyTo: message.replyTo });
        return;
      }
      case 'TriggerSavepoint': {
        const jobMaster = this.runningJobMaster(message.jobId, message.request.replyTo, ctx);
        if (jobMaster) ctx.tell(jobMaster, message.request);
        return;
      }
      case 'GetCheckpointStats':
      case 'GetJobVertexBackPressure': {
        const { jobId, replyTo, ...request } = message;
        const client = replyTo as ActorRef<Reply>;
        const whyEnded = (status: string) => `job ${jobId} is ${status}: its figures went with its JobMaster`;
        const jobMaster = this.runningJobMaster(jobId, client, ctx, whyEnded);
        if (!jobMaster) return;
        // Asked, not forwarded: a JobMaster that stops with the request unanswered would leave the
        // client waiting out its timeout. Its last status reached us before its end did.
        ctx.system.ask<Reply, JobMasterMessage>(jobMaster, (answerTo) => ({ ...request, replyTo: answerTo }) as JobMasterMessage, figuresTimeoutMs).then(
          (reply) => ctx.tell(client, reply),
          () => {
            const status = this.jobs.get(jobId)?.status;
            ctx.tell(client, { ok: false, error: status && terminalStatuses.has(status) ? whyEnded(status) : `the JobMaster of job ${jobId} did not answer within ${figuresTimeoutMs} ms` });
          },
        );
        return;
      }
      case 'JobStatusChanged':
        this.jobs.set(message.summary.jobId, message.summary);
        return;
      case 'JobMasterStopped': {
        this.jobMasters.delete(message.jobId);
        const job = this.jobs.get(message.jobId);
        // A JobMaster that stops without a final status crashed: its job cannot go on.
        if (job && !terminalStatuses.has(job.status)) {
          this.jobs.set(message.jobId, { ...job, status: 'FAILED', endTime: Date.now(), reason: 'the JobMaster stopped unexpectedly' });
          ctx.tell(this.deps.resourceManager, { type: 'ReleaseSlots', jobId: message.jobId });
        }
        return;
      }
    }
  }

  /** The JobMaster of a job that has not ended; otherwise the caller is told why not (`whyEnded`). */
  private runningJobMaster<T extends object>(
    jobId: JobId,
    replyTo: ActorRef<Reply<T>>,
    ctx: ActorContext<DispatcherMessage>,
    whyEnded = (status: string) => `job ${jobId} is already ${status}`,
  ): ActorRef<JobMasterMessage> | undefined {
    const job = this.jobs.get(jobId);
    const jobMaster = this.jobMasters.get(jobId);
    if (!job) ctx.tell(replyTo, { ok: false, error: `no job ${jobId}` });
    else if (terminalStatuses.has(job.status) || !jobMaster) ctx.tell(replyTo, { ok: false, error: whyEnded(job.status) });
    else return jobMaster;
    return undefined;
  }

  private validate(submission: JobSubmission): string | undefined {
    try {
      assertSubjectToken('job id', submission.jobId);
    } catch (error) {
      return (error as Error).message;
    }
    if (this.jobs.has(submission.jobId)) return `job ${submission.jobId} was already submitted`;
    if (submission.jobGraph.vertices.length === 0) return `job ${submission.jobName} has no operators`;
    return undefined;
  }
}
