// The timer services of one keyed operator, by name (Flink's InternalTimeServiceManager): a
// window operator has one, a KeyedProcessOperator another. The operator's watermark advances
// them all, and a snapshot takes every service's timers of a key group together.
import type { KeyGroup } from '../exchange/key-groups.ts';
import type { InternalKeyContext } from '../state/internal-key-context.ts';
import type { InternalTimerService } from './internal-timer-service.ts';
import { InternalTimerServiceImpl } from './internal-timer-service-impl.ts';
import type { ProcessingTimeService } from './processing-time-service.ts';
import type { TimersSnapshot } from './timers-snapshot.ts';
import type { Triggerable } from './triggerable.ts';

/** Every timer service's timers of one key group, by service name. */
export interface KeyGroupTimersSnapshot {
  keyGroup: KeyGroup;
  services: Record<string, TimersSnapshot>;
}

export class InternalTimeServiceManager<K> {
  private readonly services = new Map<string, InternalTimerServiceImpl<K, unknown>>();

  constructor(
    private readonly keyContext: InternalKeyContext<K>,
    private readonly processingTimeService: ProcessingTimeService,
    /** The operator subtask, for errors. */
    private readonly description: string,
  ) {}

  /** The named service, started for `triggerable`; it holds whatever a restore gave it. */
  getInternalTimerService<N>(name: string, triggerable: Triggerable<K, N>): InternalTimerService<N> {
    const service = this.serviceNamed(name) as InternalTimerServiceImpl<K, N>;
    service.startTimerService(triggerable);
    return service;
  }

  advanceWatermark(time: number): void {
    for (const service of this.services.values()) service.advanceWatermark(time);
  }

  snapshotKeyGroup(keyGroup: KeyGroup): KeyGroupTimersSnapshot {
    const services: Record<string, TimersSnapshot> = {};
    for (const [name, service] of this.services) {
      const timers = service.snapshotKeyGroup(keyGroup);
      if (timers.eventTimeTimers.length + timers.processingTimeTimers.length > 0) services[name] = timers;
    }
    return { keyGroup, services };
  }

  /** Loads a key group's timers, before the operator asks for its services. */
  restoreKeyGroup(snapshot: KeyGroupTimersSnapshot): void {
    for (const [name, timers] of Object.entries(snapshot.services)) this.serviceNamed(name).restoreKeyGroup(snapshot.keyGroup, timers);
  }

  private serviceNamed(name: string): InternalTimerServiceImpl<K, unknown> {
    let service = this.services.get(name);
    if (!service) this.services.set(name, (service = new InternalTimerServiceImpl(`timer service "${name}" of ${this.description}`, this.keyContext, this.processingTimeService)));
    return service;
  }
}
