// A TaskManager on one NATS connection: a TaskExecutor with N slots. Used by
// `sluice taskmanager` and the embedded cluster.
import { hostname } from 'node:os';
import type { NatsConnection } from 'nats';
import { ActorSystem, actorRef } from '../actor/index.ts';
import type { ResourceManagerMessage } from '../../actors/resource-manager.ts';
import { TaskExecutor, type TaskExecutorMessage } from '../../actors/task-executor.ts';
import { Addresses, type TaskManagerId } from '../ids/addresses.ts';
import type { ClusterOptions } from '../settings/cluster-options.ts';

export interface TaskManagerHandle {
  tmId: TaskManagerId;
  shutdown(): Promise<void>;
}

/** Readable and unique per process: the host (as a subject-safe token) and the pid. */
export function taskManagerId(): TaskManagerId {
  return `tm-${hostname().replace(/[^A-Za-z0-9_-]/g, '_')}-${process.pid}`;
}

export async function startTaskManager(nc: NatsConnection, options: ClusterOptions, slotCount: number): Promise<TaskManagerHandle> {
  if (!Number.isInteger(slotCount) || slotCount < 1) throw new Error(`--slots must be a positive integer, got ${slotCount}`);
  const tmId = taskManagerId();
  const addresses = new Addresses(options.namespace);
  const system = await ActorSystem.start({
    nc,
    name: options.namespace,
    heartbeatIntervalMs: options.heartbeatIntervalMs,
    heartbeatTimeoutMs: options.heartbeatTimeoutMs,
  });
  await system.spawn<TaskExecutorMessage>({
    id: 'taskexecutor',
    address: addresses.taskExecutor(tmId),
    start: () => new TaskExecutor({
      tmId,
      slotCount,
      addresses,
      options,
      resourceManager: actorRef<ResourceManagerMessage>(addresses.resourceManager()),
    }),
  });
  return { tmId, shutdown: () => system.shutdown() };
}
