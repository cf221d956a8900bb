// The reader of NumberSequenceSource and DataGeneratorSource: the integers from `from` to `to`,
// both included, in parallel, each emitted as `emit(n)`. The range is split into one
// contiguous part per subtask (the first parts one longer when it does not divide evenly),
// each read in ascending order, at most `recordsPerSecond` over all subtasks when given. What
// is still to read is operator list state of [next, last] ranges, so a restore at another
// parallelism deals the ranges out again and no number is lost or repeated.
import type { CheckpointedFunction, FunctionInitializationContext } from '../lib/functions/checkpointed-function.ts';
import type { SourceContext } from '../lib/functions/functions.ts';
import { RichParallelSourceFunction } from '../lib/functions/rich-functions.ts';
import { ListStateDescriptor } from '../lib/state/list-state-descriptor.ts';
import type { ListState } from '../lib/state/list-state.ts';

/** The next number to emit and the last one. */
type Range = [next: number, last: number];

export class SequenceReader<T> extends RichParallelSourceFunction<T> implements CheckpointedFunction {
  private ranges: Range[] = [];
  private rangesState!: ListState<Range>;
  private running = true;

  /** An empty range when `to` is `from - 1`. */
  constructor(
    private readonly from: number,
    private readonly to: number,
    private readonly emit: (n: number) => T,
    private readonly recordsPerSecond?: number,
  ) {
    super();
  }

  initializeState(context: FunctionInitializationContext): void {
    this.rangesState = context.getOperatorStateStore().getListState(new ListStateDescriptor<Range>('sequence-ranges'));
    if (context.isRestored()) {
      this.ranges = [...this.rangesState.get()].map(([next, last]) => [next, last]);
      return;
    }
    const runtime = this.getRuntimeContext();
    const parts = runtime.getNumberOfParallelSubtasks();
    const index = runtime.getIndexOfThisSubtask();
    const size = this.to - this.from + 1;
    const [base, longer] = [Math.floor(size / parts), size % parts];
    const first = this.from + index * base + Math.min(index, longer);
    const length = base + (index < longer ? 1 : 0);
    if (length > 0) this.ranges = [[first, first + length - 1]];
  }

  snapshotState(): void {
    this.rangesState.update(this.ranges.filter(([next, last]) => next <= last).map(([next, last]) => [next, last]));
  }

  async run(ctx: SourceContext<T>): Promise<void> {
    const pace = this.recordsPerSecond === undefined ? undefined : this.recordsPerSecond / this.getRuntimeContext().getNumberOfParallelSubtasks();
    const started = performance.now();
    let read = 0;
    for (const range of this.ranges) {
      while (this.running && range[0] <= range[1]) {
        const backpressure = ctx.collect(this.emit(range[0]));
        range[0]++;
        if (backpressure) await backpressure;
        if (pace === undefined) continue;
        const due = started + (++read * 1000) / pace - performance.now();
        if (due > 0) await new Promise((resolve) => setTimeout(resolve, due));
      }
    }
  }

  cancel(): void {
    this.running = false;
  }
}
