// The source of the keyed benchmarks: the numbers 0..records-1, each subtask its share.
import { RichParallelSourceFunction, type SourceContext } from 'sluice';

export class CountingSource extends RichParallelSourceFunction<number> {
  private running = true;

  constructor(private readonly records: number) {
    super();
  }

  async run(ctx: SourceContext<number>): Promise<void> {
    const context = this.getRuntimeContext();
    const subtasks = context.getNumberOfParallelSubtasks();
    for (let n = context.getIndexOfThisSubtask(); this.running && n < this.records; n += subtasks) {
      // Awaiting only a real promise: an await per record would cost a microtask each.
      const backpressure = ctx.collect(n);
      if (backpressure) await backpressure;
    }
  }

  cancel(): void {
    this.running = false;
  }
}
