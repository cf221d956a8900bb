// The SourceContext a source emits into (Flink's StreamSourceContexts). Each call emits
// synchronously into the chain; `collect` then hands back what the task wants the source
// to wait for (backpressure), or undefined to go on. A source that was marked idle becomes
// active again with its next record or watermark.
import type { SourceContext } from '../functions/functions.ts';
import type { Output } from './stream-operator.ts';
import { StreamRecord } from './stream-record.ts';

/** What a source should wait for before it emits more: undefined to go on. */
export type SourceYield = () => Promise<void> | undefined;

export class StreamSourceContext<T> implements SourceContext<T> {
  private readonly reuse = new StreamRecord<T>(undefined as T);
  private idle = false;

  constructor(
    private readonly output: Output<T>,
    private readonly yieldToTask: SourceYield,
  ) {}

  collect(element: T): Promise<void> | undefined {
    if (this.idle) this.markAsActive();
    this.output.collect(this.reuse.replace(element));
    return this.yieldToTask();
  }

  collectWithTimestamp(element: T, timestamp: number): Promise<void> | undefined {
    if (this.idle) this.markAsActive();
    this.output.collect(this.reuse.replace(element, timestamp));
    return this.yieldToTask();
  }

  emitWatermark(timestamp: number): void {
    if (this.idle) this.markAsActive();
    this.output.emitWatermark(timestamp);
  }

  markAsTemporarilyIdle(): void {
    if (this.idle) return;
    this.idle = true;
    this.output.emitWatermarkStatus('idle');
  }

  private markAsActive(): void {
    this.idle = false;
    this.output.emitWatermarkStatus('active');
  }
}
