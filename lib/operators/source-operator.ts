// Flink's StreamSource: runs a user SourceFunction. `run` resolves when the function's run
// does; `cancel` asks it to stop.
import type { SourceContext, SourceFunction } from '../functions/functions.ts';
import { AbstractUdfStreamOperator } from './abstract-udf-stream-operator.ts';
import type { SourceOperator } from './stream-operator.ts';

export class StreamSource<OUT> extends AbstractUdfStreamOperator<SourceFunction<OUT>, OUT> implements SourceOperator<OUT> {
  run(ctx: SourceContext<OUT>): Promise<void> {
    return this.userFunction.run(ctx);
  }

  cancel(): void {
    this.userFunction.cancel();
  }
}
