// The time a time-window assigner windows by (Flink hard-codes it in each of its six
// assigners): event time, the record's timestamp, fired by watermarks through the
// EventTimeTrigger; or processing time, the operator's clock, fired by the ProcessingTimeTrigger.
// TumblingWindows, SlidingWindows and SessionWindows take one of the two.
import { EventTimeTrigger } from '../triggers/event-time-trigger.ts';
import { ProcessingTimeTrigger } from '../triggers/processing-time-trigger.ts';
import type { Trigger } from '../triggers/trigger.ts';
import type { TimeWindow } from '../windows/time-window.ts';
import type { Window } from '../windows/window.ts';
import type { WindowAssigner, WindowAssignerContext } from './window-assigner.ts';

export interface AssignerTime {
  readonly isEventTime: boolean;
  /** The time the element is assigned by; `assigner` names the place in errors. */
  timeOf(timestamp: number | undefined, context: WindowAssignerContext, assigner: WindowAssigner<never, Window>): number;
  defaultTrigger(): Trigger<unknown, TimeWindow>;
}

export const EVENT_TIME: AssignerTime = {
  isEventTime: true,
  timeOf(timestamp, _context, assigner) {
    if (timestamp === undefined) {
      throw new Error(`${assigner}: the record has no timestamp; is the time characteristic processing time, or did you forget to call 'DataStream.assignTimestampsAndWatermarks(...)'?`);
    }
    return timestamp;
  },
  defaultTrigger: () => EventTimeTrigger.create(),
};

export const PROCESSING_TIME: AssignerTime = {
  isEventTime: false,
  timeOf: (_timestamp, context) => context.getCurrentProcessingTime(),
  defaultTrigger: () => ProcessingTimeTrigger.create(),
};
