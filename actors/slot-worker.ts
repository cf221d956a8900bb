// The main of a slot's worker thread: connects to NATS, fetches and evaluates the job's
// bundle with the job's argv and env, checks that it rebuilt the graph the client built,
// and starts the slot's Subtasks. What fails here, before the Subtasks run or by escalating
// past them, fails every execution of the slot: each is reported to the JobMaster.
import { parentPort, workerData } from 'node:worker_threads';
import { ActorSystem } from '../lib/actor/index.ts';
import { Addresses, type TaskManagerId } from '../lib/ids/addresses.ts';
import { connectToCluster } from '../lib/nats/connect.ts';
import { JobArtifactStore } from '../lib/job/job-artifact-store.ts';
import { evaluateJob } from '../lib/job/job-evaluator.ts';
import { failureCause } from '../lib/graph/failure-cause.ts';
import { setLogLevel, type LogLevel } from '../lib/log/logger.ts';
import { decodeControl } from '../lib/codec/control-codec.ts';
import { slotFailure, type SlotDeployment } from './protocols.ts';
import { SlotTasks, escalateEveryFailure, type SlotTasksMessage } from './slot-tasks.ts';

export interface SlotWorkerData {
  tmId: TaskManagerId;
  slotIndex: number;
  natsUrl: string;
  namespace: string;
  /** The SlotDeployment, encoded with the control codec. */
  deployment: Uint8Array;
  /** The TaskManager's log level: the job's env must not change how the runtime logs. */
  logLevel: LogLevel;
}

export type SlotWorkerCommand = { type: 'shutdown' };

const data = workerData as SlotWorkerData;
const deployment = decodeControl<SlotDeployment>(data.deployment);
const { submission } = deployment;
setLogLevel(data.logLevel);
const label = `TaskManager ${data.tmId} slot ${data.slotIndex}`;
// The job sees the argv it was submitted with, exactly.
process.argv = [...submission.argv];

const nc = await connectToCluster(data.natsUrl, `sluice ${label}`);
const addresses = new Addresses(data.namespace);
const reportFailure = (error: unknown, place?: string) => {
  for (const message of slotFailure(deployment, failureCause(error, place))) system.tell(deployment.jobMaster, message);
};
const system: ActorSystem = await ActorSystem.start({
  nc,
  name: data.namespace,
  guardianStrategy: escalateEveryFailure,
  onFatal: (_address, error) => reportFailure(error),
});

parentPort!.on('message', async (command: SlotWorkerCommand) => {
  if (command.type !== 'shutdown') return;
  await system.shutdown();
  await nc.drain();
  process.exit(0);
});

try {
  const artifacts = await JobArtifactStore.open(nc, data.namespace);
  const bundle = await artifacts.getBundle(submission.jobId);
  const streamGraph = await evaluateJob({
    bundle,
    jobFile: submission.jobFile,
    cwd: submission.cwd,
    defaultParallelism: submission.defaultParallelism,
  });
  if (streamGraph.fingerprint() !== submission.jobGraph.fingerprint) {
    throw new Error('the job built a different graph here than on the client: a job must build the same graph on every evaluation (no randomness, time or host-specific branches in its structure)');
  }
  await system.spawn<SlotTasksMessage>({
    id: 'tasks',
    address: addresses.slotTasks(submission.jobId, data.tmId, data.slotIndex),
    supervisorStrategy: escalateEveryFailure,
    restart: 'temporary',
    start: () => new SlotTasks(deployment, streamGraph, addresses, data.namespace),
  });
} catch (error) {
  reportFailure(error, `${label} could not deploy job ${submission.jobId}`);
}
