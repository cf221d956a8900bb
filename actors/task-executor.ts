// TaskExecutor: a TaskManager's root actor. Owns N Slot actors (one_for_one) and registers
// them with the ResourceManager. Liveness both ways is the kernel's death watch over the
// node heartbeat: the ResourceManager watches us, and we watch it, so a lost process on
// either side is noticed in seconds.
import { hostname } from 'node:os';
import type { Actor, ActorContext, ActorRef } from '../lib/actor/index.ts';
import type { Addresses, TaskManagerId } from '../lib/ids/addresses.ts';
import type { ClusterOptions } from '../lib/settings/cluster-options.ts';
import type { ResourceManagerMessage } from './resource-manager.ts';
import { Slot, type SlotMessage } from './slot.ts';

export type TaskExecutorMessage =
  | { type: 'Registered' }
  /** From the ResourceManager when it forgot us, or from death watch when it is gone. */
  | { type: 'Reregister' }
  | { type: 'RetryRegistration' };

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
  /** Repeats the registration until it is confirmed: the JobManager may start after us. */
  private registrationRetry?: NodeJS.Timeout;

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
  }

  postStop(): void {
    clearInterval(this.registrationRetry);
  }

  receive(message: TaskExecutorMessage, ctx: ActorContext<TaskExecutorMessage>): void {
    switch (message.type) {
      case 'Registered':
        if (this.registered) return;
        ctx.log.info('registered with the ResourceManager', { slots: this.slots.length });
        this.registered = true;
        clearInterval(this.registrationRetry);
        ctx.watchWith(this.deps.resourceManager, { type: 'Reregister' });
        return;
      case 'Reregister':
        if (!this.registered) return; // already registering anew
        // Registration offers every slot as free: stop what the ResourceManager no longer knows about.
        for (const slot of this.slots) ctx.tell(slot, { type: 'Reset' });
        this.registered = false;
        ctx.unwatch(this.deps.resourceManager);
        this.register(ctx);
        return;
      case 'RetryRegistration':
        if (!this.registered) this.sendRegistration(ctx);
        return;
    }
  }

  private register(ctx: ActorContext<TaskExecutorMessage>): void {
    this.sendRegistration(ctx);
    this.registrationRetry = setInterval(() => ctx.tell(ctx.self, { type: 'RetryRegistration' }), this.deps.options.heartbeatIntervalMs);
  }

  private sendRegistration(ctx: ActorContext<TaskExecutorMessage>): void {
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
