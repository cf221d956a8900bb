// Slot: one of a TaskExecutor's slots. A slot runs one subtask of each task of one job
// (slot sharing) in its own worker thread — its own event loop, NATS connection, argv and
// env — so a TaskManager with N slots uses N cores. A region restart deploys new attempts
// of some subtasks into the job's running worker, beside the subtasks that keep running.
import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Actor, ActorContext } from '../lib/actor/index.ts';
import type { JobId, TaskManagerId } from '../lib/ids/addresses.ts';
import { logLevel } from '../lib/log/logger.ts';
import { localWorkingDirectory } from '../lib/settings/local-working-directory.ts';
import { encodeControl } from '../lib/codec/control-codec.ts';
import type { SlotWorkerData, SlotWorkerCommand } from './slot-worker.ts';
import { addDeployment, slotFailure, type SlotDeployment } from './protocols.ts';

export type SlotMessage =
  | { type: 'Deploy'; deployment: SlotDeployment }
  | { type: 'Free'; jobId: JobId }
  /** The ResourceManager forgot us (it declared our TaskManager lost): whatever runs here is orphaned. */
  | { type: 'Reset' }
  | { type: 'WorkerExited'; jobId: JobId; exitCode: number; error?: string };

export interface SlotIdentity {
  tmId: TaskManagerId;
  slotIndex: number;
  natsUrl: string;
  namespace: string;
}

/** A worker that does not stop within this time after Free is terminated. */
const workerStopTimeoutMs = 5_000;

const workerEntry = new URL('./slot-worker-bootstrap.js', import.meta.url);

interface RunningWorker {
  jobId: JobId;
  worker: Worker;
  deployment: SlotDeployment;
  exited: Promise<void>;
  freeing: boolean;
}

export class Slot implements Actor<SlotMessage> {
  private running?: RunningWorker;
  /** A job the ResourceManager gave us while the previous job's worker was still stopping. */
  private next?: SlotDeployment;

  constructor(private readonly identity: SlotIdentity) {}

  private get label(): string {
    return `TaskManager ${this.identity.tmId} slot ${this.identity.slotIndex}`;
  }

  receive(message: SlotMessage, ctx: ActorContext<SlotMessage>): void {
    switch (message.type) {
      case 'Deploy': {
        const { deployment } = message;
        if (!this.running) {
          this.startWorker(deployment, ctx);
        } else if (this.running.freeing && !this.next) {
          this.next = deployment;
        } else if (this.running.jobId === deployment.submission.jobId && !this.running.freeing) {
          this.running.deployment = addDeployment(this.running.deployment, deployment);
          const command: SlotWorkerCommand = { type: 'deploy', deployment: encodeControl(deployment) };
          this.running.worker.postMessage(command);
        }
        else this.reportFailure(deployment, `${this.label} is still busy with job ${this.running.jobId}`, ctx);
        return;
      }
      case 'Free':
        if (this.next?.submission.jobId === message.jobId) this.next = undefined;
        if (this.running?.jobId === message.jobId) void this.stopWorker(this.running);
        return;
      case 'Reset':
        this.next = undefined;
        if (this.running) void this.stopWorker(this.running);
        return;
      case 'WorkerExited': {
        const running = this.running;
        if (running?.jobId !== message.jobId) return;
        this.running = undefined;
        ctx.unwatch(running.deployment.jobMaster);
        if (!running.freeing) {
          this.reportFailure(running.deployment, `the worker thread of ${this.label} stopped unexpectedly (exit code ${message.exitCode})${message.error ? `: ${message.error}` : ''}`, ctx);
        }
        const next = this.next;
        this.next = undefined;
        if (next) this.startWorker(next, ctx);
        return;
      }
    }
  }

  postStop(): Promise<void> | void {
    if (this.running) return this.stopWorker(this.running);
  }

  /** Each execution of `deployment` fails: this slot cannot run it. */
  private reportFailure(deployment: SlotDeployment, message: string, ctx: ActorContext<SlotMessage>): void {
    for (const report of slotFailure(deployment, { name: 'SlotFailure', message })) ctx.tell(deployment.jobMaster, report);
  }

  private startWorker(deployment: SlotDeployment, ctx: ActorContext<SlotMessage>): void {
    const { submission } = deployment;
    // Encoded, not cloned: a structured clone would turn the restored state's windows into plain objects.
    // A worker terminated while it evaluates the job leaves its job file behind: the slot removes
    // it. The worker makes the directory, so a TaskManager gone before that leaves nothing.
    const jobFileDirectory = join(localWorkingDirectory(), `sluice-job-${randomUUID()}`);
    const workerData: SlotWorkerData = { ...this.identity, deployment: encodeControl(deployment), logLevel: logLevel(), localWorkingDirectory: localWorkingDirectory(), jobFileDirectory };
    const worker = new Worker(workerEntry, {
      workerData,
      env: submission.env,
      argv: submission.argv.slice(2),
      // The job's print() writes straight to fd 1; anything else it logs is forwarded.
      stdout: false,
      stderr: false,
    });
    const jobId = submission.jobId;
    let error: string | undefined;
    worker.on('error', (cause) => { error = cause instanceof Error ? cause.message : String(cause); });
    const exited = new Promise<void>((resolve) => worker.once('exit', (exitCode) => {
      rmSync(jobFileDirectory, { recursive: true, force: true });
      ctx.tell(ctx.self, { type: 'WorkerExited', jobId, exitCode, ...(error ? { error } : {}) });
      resolve();
    }));
    this.running = { jobId, worker, deployment, exited, freeing: false };
    // A job whose JobMaster is gone (stopped, or its process lost) has nobody to finish it.
    ctx.watchWith(deployment.jobMaster, { type: 'Free', jobId });
  }

  private stopWorker(running: RunningWorker): Promise<void> {
    if (running.freeing) return running.exited;
    running.freeing = true;
    const command: SlotWorkerCommand = { type: 'shutdown' };
    running.worker.postMessage(command);
    const timer = setTimeout(() => void running.worker.terminate(), workerStopTimeoutMs);
    return running.exited.finally(() => clearTimeout(timer));
  }
}
