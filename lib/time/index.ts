// Time inside the runtime: processing-time services and the keyed operators' timer services.
export type { InternalTimer } from './internal-timer.ts';
export type { InternalTimerService } from './internal-timer-service.ts';
export { InternalTimerServiceImpl } from './internal-timer-service-impl.ts';
export { InternalTimeServiceManager, type KeyGroupTimersSnapshot } from './internal-time-service-manager.ts';
export type { Cancellable, ProcessingTimeService } from './processing-time-service.ts';
export { SystemProcessingTimeService } from './system-processing-time-service.ts';
export type { TimerSnapshot, TimersSnapshot } from './timers-snapshot.ts';
export type { Triggerable } from './triggerable.ts';
