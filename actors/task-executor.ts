// TaskExecutor: a TaskManager's root actor. Owns N Slot actors (one_for_one), registers
// them with the ResourceManager and heartbeats it so a lost process is noticed in seconds.
import { hostname } from 'node:os';
import type { Actor, ActorContext, ActorRef } from '../lib/actor/index.ts';
import type { Addresses, TaskManagerId } from '../lib/ids/addresses.ts';
import type { ClusterOptions } from '../lib/settings/cluster-options.ts';
import type { ResourceManagerMessage } from './resource-manager.ts';
import { Slot, type SlotMessage } from './slot.ts';

export type TaskExecutorMessage =
  | { type: 'Registered' }
  | { type: 'Reregister' }
  | { type: 'HeartbeatTick' };

export interface TaskExecutorDependencies {
  tmId: TaskManagerId;
  slotCount: number;
  addresses: Addresses;
  options: ClusterOptions;
  resourceManager: ActorRef<ResourceManagerMessage>;
}

export class TaskExecutor implements Actor<TaskExecutorMessage> {
  private slots: ActorRef<SlotMessage>[] = [];
  private registered = false;
  private timer?: NodeJS.Timeout;

  constructor(private readonly deps: TaskExecutorDependencies) {}

  preStart(ctx: ActorContext<TaskExecutorMessage>): void {
    const { tmId, addresses, options } = this.deps;
    this.slots = Array.from({ length: this.deps.slotCount }, (_, index) =>
      ctx.spawn<SlotMessage>({
        id: `slot-${index}`,
        address: addresses.slot(tmId, index),
        start: () => new Slot({ tmId, slotIndex: index, natsUrl: options.url, namespace: options.namespace }),
      }));
    this.register(ctx);
    // Until registered, each tick repeats the registration: the JobManager may start after us.
    this.timer = setInterval(() => ctx.tell(ctx.self, { type: 'HeartbeatTick' }), options.heartbeatIntervalMs);
  }

  postStop(): void {
    clearInterval(this.timer);
  }

  receive(message: TaskExecutorMessage, ctx: ActorContext<TaskExecutorMessage>): void {
    switch (message.type) {
      case 'Registered':
        if (!this.registered) ctx.log.info('registered with the ResourceManager', { slots: this.slots.length });
        this.registered = true;
        return;
      case 'Reregister':
        // Registration offers every slot as free: stop what the ResourceManager no longer knows about.
        for (const slot of this.slots) ctx.tell(slot, { type: 'Reset' });
        this.registered = false;
        this.register(ctx);
        return;
      case 'HeartbeatTick':
        if (this.registered) ctx.tell(this.deps.resourceManager, { type: 'Heartbeat', tmId: this.deps.tmId, executor: ctx.self });
        else this.register(ctx);
        return;
    }
  }

  private register(ctx: ActorContext<TaskExecutorMessage>): void {
    ctx.tell(this.deps.resourceManager, {
      type: 'RegisterTaskExecutor',
      tmId: this.deps.tmId,
      executor: ctx.self,
      slots: this.slots,
      host: hostname(),
      pid: process.pid,
    });
  }
}
