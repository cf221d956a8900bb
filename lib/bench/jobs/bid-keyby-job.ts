// Benchmark (b): Nexmark Bid objects from a parallel source → keyBy(auction) → a sink that
// discards, at the parallelism given. The keyBy edge always crosses NATS, also at p=1.
//
//   sluice run lib/bench/jobs/bid-keyby-job.ts -- --records 2000000 --parallelism 2
import { RichParallelSourceFunction, StreamExecutionEnvironment, type SourceContext } from 'sluice';
import { bidPool } from '../bid-pool.ts';
import type { Bid } from '../nexmark/nexmark-generator.ts';
import { DiscardingSink } from './discarding-sink.ts';
import { positiveIntegerArgument } from './job-arguments.ts';

/** Emits `records` bids in all, each subtask its share, cycling through the bid pool. */
class BidSource extends RichParallelSourceFunction<Bid> {
  private running = true;
  private bids: Bid[] = [];

  constructor(private readonly records: number) {
    super();
  }

  /** The pool is made before the job runs, as the baseline makes it before it starts. */
  open(): void {
    this.bids = bidPool();
  }

  async run(ctx: SourceContext<Bid>): Promise<void> {
    const { bids } = this;
    const context = this.getRuntimeContext();
    const subtasks = context.getNumberOfParallelSubtasks();
    for (let n = context.getIndexOfThisSubtask(); this.running && n < this.records; n += subtasks) {
      const backpressure = ctx.collect(bids[n % bids.length]!);
      if (backpressure) await backpressure;
    }
  }

  cancel(): void {
    this.running = false;
  }
}

const records = positiveIntegerArgument('records', 1_000_000);
const env = StreamExecutionEnvironment.getExecutionEnvironment().setParallelism(positiveIntegerArgument('parallelism', 1));
env.addSource(new BidSource(records), 'BidSource')
  .keyBy((bid) => bid.auction)
  .addSink(new DiscardingSink()).name('Discard');

await env.execute('Bid keyBy benchmark');
