// The main of a slot's worker thread: connects to NATS, fetches and evaluates the job's
// bundle with the job's argv and env, checks that it rebuilt the graph the client built,
// and starts the slot's Subtasks; the new attempts of a region restart join them later. What
// fails here, before the Subtasks run or by escalating past them, and an interruption of the
// worker's NATS connection, fail every execution of the slot: each is reported to the
// JobMaster.
import { parentPort, workerData } from 'node:worker_threads';
import { ActorSystem, type ActorRef } from '../lib/actor/index.ts';
import { Addresses, type TaskManagerId } from '../lib/ids/addresses.ts';
import { connectToCluster } from '../lib/nats/connect.ts';
import { JobArtifactStore } from '../lib/job/job-artifact-store.ts';
import { evaluateJob } from '../lib/job/job-evaluator.ts';
import { failureCause } from '../lib/graph/failure-cause.ts';
import { setLogLevel, type LogLevel } from '../lib/log/logger.ts';
import { setLocalWorkingDirectory } from '../lib/settings/local-working-directory.ts';
import { decodeControl } from '../lib/codec/control-codec.ts';
import { addDeployment, slotFailure, type SlotDeployment } from './protocols.ts';
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
  /** The TaskManager's $SLUICE_TMP (else the system's): where keyed state on LevelDB lives. */
  localWorkingDirectory: string;
  /** Where this worker evaluates the job file: it makes the directory and removes it once evaluated, the slot if the worker is cut off first. */
  jobFileDirectory: string;
}

export type SlotWorkerCommand =
  | { type: 'shutdown' }
  /** New attempts of some of the job's subtasks (a region restart), to run beside the others; encoded like `deployment`. */
  | { type: 'deploy'; deployment: Uint8Array };

const data = workerData as SlotWorkerData;
const deployment = decodeControl<SlotDeployment>(data.deployment);
const { submission } = deployment;
setLogLevel(data.logLevel);
setLocalWorkingDirectory(data.localWorkingDirectory);
const label = `TaskManager ${data.tmId} slot ${data.slotIndex}`;
// The job sees the argv it was submitted with, exactly.
process.argv = [...submission.argv];

// Reconnects for as long as its TaskManager lives: the worker thread ends with the TaskManager.
const nc = await connectToCluster(data.natsUrl, `sluice ${label}`, Infinity);
const addresses = new Addresses(data.namespace);
/** Every execution this worker runs now, for failure reports. */
let running = deployment;
const reportFailure = (failed: SlotDeployment, error: unknown, place?: string) => {
  for (const message of slotFailure(failed, failureCause(error, place))) system.tell(failed.jobMaster, message);
};
const system: ActorSystem = await ActorSystem.start({
  nc,
  name: data.namespace,
  guardianStrategy: escalateEveryFailure,
  onFatal: (_address, error) => reportFailure(running, error),
});
const deployFailed = `${label} could not deploy job ${submission.jobId}`;
/** The slot's SlotTasks once the job is evaluated, or why that failed. */
const tasks = setUpTasks().then(
  (ref) => ({ ref }),
  (error: unknown) => {
    reportFailure(deployment, error, deployFailed);
    return { error };
  },
);

// Batches and credits of this slot's channels, or its subtasks' reports, may have been lost
// while the connection was down, which would stall the job: its executions fail, and the
// JobMaster restores the job from its latest checkpoint. They also stop here, since the
// JobMaster's cancellation may be among the lost messages: left running, an old attempt
// would go on beside the new one (and a sink of it could commit what the new one repeats).
system.connection.onReconnect(async (server) => {
  reportFailure(
    running,
    new Error(`its NATS connection to ${server} was interrupted, so messages of its channels in flight may be lost`),
    `${label} (job ${submission.jobId})`,
  );
  const set = await tasks;
  if ('ref' in set) system.tell(set.ref, { type: 'CancelAll' });
});

parentPort!.on('message', async (command: SlotWorkerCommand) => {
  switch (command.type) {
    case 'shutdown':
      await system.shutdown();
      await nc.drain();
      process.exit(0);
      return;
    case 'deploy': {
      const added = decodeControl<SlotDeployment>(command.deployment);
      running = addDeployment(running, added);
      const set = await tasks;
      if ('ref' in set) system.tell(set.ref, { type: 'Deploy', deployment: added });
      else reportFailure(added, set.error, deployFailed);
      return;
    }
  }
});

async function setUpTasks(): Promise<ActorRef<SlotTasksMessage>> {
  const artifacts = await JobArtifactStore.open(nc, data.namespace);
  const bundle = await artifacts.getBundle(submission.jobId);
  const { graph: streamGraph } = await evaluateJob({
    bundle,
    jobFile: submission.jobFile,
    cwd: submission.cwd,
    defaultParallelism: submission.defaultParallelism,
    configuration: submission.configuration,
    directory: data.jobFileDirectory,
  });
  if (streamGraph.fingerprint() !== submission.jobGraph.fingerprint) {
    throw new Error('the job built a different graph here than on the client: a job must build the same graph on every evaluation (no randomness, time or host-specific branches in its structure)');
  }
  return system.spawn<SlotTasksMessage>({
    id: 'tasks',
    address: addresses.slotTasks(submission.jobId, data.tmId, data.slotIndex),
    supervisorStrategy: escalateEveryFailure,
    restart: 'temporary',
    start: () => new SlotTasks(deployment, streamGraph, addresses, data.namespace),
  });
}
