// fromElements / fromCollection: emits the given elements in order, then ends. Non-parallel.
import type { SourceOperator, SourceOutput } from '../lib/operators/stream-operator.ts';

export class CollectionSource<T> implements SourceOperator<T> {
  private cancelled = false;

  constructor(private readonly elements: readonly T[]) {}

  open(): void {}

  async run(output: SourceOutput<T>): Promise<void> {
    for (const element of this.elements) {
      if (this.cancelled) return;
      const backpressure = output.collect(element);
      if (backpressure) await backpressure;
    }
  }

  cancel(): void {
    this.cancelled = true;
  }

  close(): void {}
}
