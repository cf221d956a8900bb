// Runs a user SourceFunction: `run` resolves when the function's run does, `cancel` asks it to stop.
import type { SourceFunction } from '../functions/functions.ts';
import { closeUserFunction, openUserFunction } from './abstract-udf-stream-operator.ts';
import type { OperatorContext, SourceOperator, SourceOutput } from './stream-operator.ts';

export class StreamSource<OUT> implements SourceOperator<OUT> {
  constructor(private readonly userFunction: SourceFunction<OUT>) {}

  open(context: OperatorContext): Promise<void> {
    return openUserFunction(this.userFunction, context);
  }

  run(output: SourceOutput<OUT>): Promise<void> {
    return this.userFunction.run({ collect: (element) => output.collect(element) });
  }

  cancel(): void {
    this.userFunction.cancel();
  }

  close(): Promise<void> {
    return closeUserFunction(this.userFunction);
  }
}
