// The Nexmark generator as a parallel source: subtask i of p emits the events i, i + p,
// i + 2p, … below `events`, so together the subtasks emit each event id once.
import { RichParallelSourceFunction, type SourceContext } from 'sluice';
import { nexmarkEvent, type NexmarkEvent } from './nexmark-generator.ts';

export class NexmarkSource extends RichParallelSourceFunction<NexmarkEvent> {
  private running = true;

  /** `baseTime`: the event time of event 0, in epoch ms; the same on every subtask. */
  constructor(private readonly events: number, private readonly baseTime: number) {
    super();
  }

  async run(ctx: SourceContext<NexmarkEvent>): Promise<void> {
    const context = this.getRuntimeContext();
    const subtasks = context.getNumberOfParallelSubtasks();
    for (let eventId = context.getIndexOfThisSubtask(); this.running && eventId < this.events; eventId += subtasks) {
      const backpressure = ctx.collect(nexmarkEvent(eventId, this.baseTime));
      if (backpressure) await backpressure;
    }
  }

  cancel(): void {
    this.running = false;
  }
}
