// The JobManager's actors on one NATS connection: the ResourceManager and the Dispatcher
// (which runs a JobMaster per job). Used by `sluice jobmanager` and the embedded cluster.
import type { NatsConnection } from 'nats';
import { ActorSystem, actorRef, actorSystemContainer } from '../actor/index.ts';
import { Dispatcher, type DispatcherMessage } from '../../actors/dispatcher.ts';
import { ResourceManager, type ResourceManagerMessage } from '../../actors/resource-manager.ts';
import { JobArtifactStore } from '../job/job-artifact-store.ts';
import { Addresses } from '../ids/addresses.ts';
import type { ClusterOptions } from '../settings/cluster-options.ts';

export interface JobManagerHandle {
  system: ActorSystem;
  shutdown(): Promise<void>;
}

/** How long deployed subtasks may take to become ready (fetch and evaluate the bundle, subscribe). */
const deploymentTimeoutMs = 60_000;

export async function startJobManager(nc: NatsConnection, options: ClusterOptions): Promise<JobManagerHandle> {
  const system = await ActorSystem.start({
    nc,
    name: options.namespace,
    heartbeatIntervalMs: options.heartbeatIntervalMs,
    heartbeatTimeoutMs: options.heartbeatTimeoutMs,
  });
  const services = actorSystemContainer(system);
  services.register(Addresses, { useValue: new Addresses(options.namespace) });
  services.register(JobArtifactStore, { useValue: await JobArtifactStore.open(nc, options.namespace) });
  const addresses = services.resolve(Addresses);
  const resourceManager = actorRef<ResourceManagerMessage>(addresses.resourceManager());
  await system.spawn<ResourceManagerMessage>({
    id: 'resourcemanager',
    address: resourceManager.address,
    start: () => new ResourceManager(options),
  });
  await system.spawn<DispatcherMessage>({
    id: 'dispatcher',
    address: addresses.dispatcher(),
    start: () => new Dispatcher({
      addresses,
      resourceManager,
      artifacts: services.resolve(JobArtifactStore),
      deploymentTimeoutMs,
      ...(options.savepointsDirectory ? { savepointsDirectory: options.savepointsDirectory } : {}),
      defaultStateBackend: options.stateBackend,
    }),
  });
  return {
    system,
    async shutdown() {
      await system.shutdown();
      services.dispose();
    },
  };
}
