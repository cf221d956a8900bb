// Flink's EvictingWindowOperator: a WindowOperator that keeps every element with its timestamp
// and lets an evictor remove elements before and after the window function runs. The
// function sees what is left; a reduce or aggregate then runs over it at firing time (there
// is no running aggregate to evict from). What is left after evictAfter stays in the window.
import type { ProcessWindowFunction } from '../../functions/process-window-function.ts';
import type { Evictor, EvictorContext } from '../../windowing/evictors/evictor.ts';
import type { TimestampedValue } from '../../windowing/evictors/timestamped-value.ts';
import type { Window } from '../../windowing/windows/window.ts';
import { timestampedListAccumulation } from './window-contents.ts';
import { WindowOperator, type WindowOperatorSpec } from './window-operator.ts';

export class EvictingWindowOperator<IN, OUT, W extends Window> extends WindowOperator<IN, TimestampedValue<IN>[], IN, OUT, W> {
  private readonly evictorContext: EvictorContext = {
    getCurrentProcessingTime: () => this.triggerContext.getCurrentProcessingTime(),
    getCurrentWatermark: () => this.triggerContext.getCurrentWatermark(),
  };

  constructor(
    spec: Omit<WindowOperatorSpec<IN, TimestampedValue<IN>[], IN, W>, 'accumulation'>,
    private readonly evictor: Evictor<IN, W>,
    windowFunction: ProcessWindowFunction<IN, OUT, unknown, W>,
  ) {
    super({ ...spec, accumulation: timestampedListAccumulation<IN>() }, windowFunction);
  }

  protected override emitWindowContents(window: W, contents: TimestampedValue<IN>[]): void {
    const elements = [...contents];
    // Flink gives both evictors the size before eviction.
    const size = elements.length;
    this.evictor.evictBefore(elements, size, window, this.evictorContext);
    this.evaluate(window, elements.map((element) => element.value));
    this.evictor.evictAfter(elements, size, window, this.evictorContext);
    if (elements.length === 0) this.windowState.clear();
    else this.windowState.update(elements);
  }
}
