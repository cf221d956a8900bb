// A bounded source for event-time tests: emits the given records with the timestamps a
// function reads from them, in the order given; its end advances event time to +∞.
import { RichParallelSourceFunction, type SourceContext } from '../../../lib/api/index.ts';

export class TimestampedSource<T> extends RichParallelSourceFunction<T> {
  constructor(private readonly records: T[], private readonly timestampOf: (record: T) => number) {
    super();
  }

  async run(ctx: SourceContext<T>): Promise<void> {
    for (const record of this.records) await ctx.collectWithTimestamp(record, this.timestampOf(record));
  }

  cancel(): void {}
}
