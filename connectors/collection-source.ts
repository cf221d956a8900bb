// fromElements / fromCollection: emits the given elements in order, then ends. Non-parallel.
// Its position is the number of elements emitted: a snapshot holds it, a restore resumes there.
import type { SourceContext } from '../lib/functions/functions.ts';
import { AbstractStreamOperator } from '../lib/operators/abstract-stream-operator.ts';
import type { OperatorContext, SourceOperator } from '../lib/operators/stream-operator.ts';

export class CollectionSource<T> extends AbstractStreamOperator<T> implements SourceOperator<T> {
  private emitted = 0;
  private cancelled = false;

  constructor(private readonly elements: readonly T[]) {
    super();
  }

  override initializeState(context: OperatorContext): void {
    if (typeof context.restoredState === 'number') this.emitted = context.restoredState;
  }

  async run(ctx: SourceContext<T>): Promise<void> {
    while (this.emitted < this.elements.length && !this.cancelled) {
      const backpressure = ctx.collect(this.elements[this.emitted]!);
      this.emitted++;
      if (backpressure) await backpressure;
    }
  }

  override snapshotState(): number {
    return this.emitted;
  }

  cancel(): void {
    this.cancelled = true;
  }
}
