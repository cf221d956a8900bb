// Flink's AbstractUdfStreamOperator: an operator around one user function. It drives the
// function's rich lifecycle and gives it a TimestampedCollector, so what the function
// emits keeps the timestamp of the record it is processing.
import { isRichFunction } from '../functions/rich-functions.ts';
import { AbstractStreamOperator } from './abstract-stream-operator.ts';
import type { OperatorContext, Output } from './stream-operator.ts';
import { TimestampedCollector } from './timestamped-collector.ts';

export abstract class AbstractUdfStreamOperator<F extends object, OUT> extends AbstractStreamOperator<OUT> {
  private timestampedCollector?: TimestampedCollector<OUT>;

  constructor(protected readonly userFunction: F) {
    super();
  }

  protected get collector(): TimestampedCollector<OUT> {
    return (this.timestampedCollector ??= new TimestampedCollector(this.output));
  }

  override async open(context: OperatorContext, output: Output<OUT>): Promise<void> {
    await super.open(context, output);
    const fn = this.userFunction;
    if (!isRichFunction(fn)) return;
    fn.setRuntimeContext(context.runtimeContext);
    await fn.open();
  }

  override async close(): Promise<void> {
    if (isRichFunction(this.userFunction)) await this.userFunction.close();
  }
}
