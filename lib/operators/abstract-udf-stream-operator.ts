// The base of the operators that wrap one user function: it drives the rich lifecycle.
import { isRichFunction } from '../functions/rich-functions.ts';
import type { OperatorContext, Output, StreamOperator } from './stream-operator.ts';

export abstract class AbstractUdfStreamOperator<F extends object, IN, OUT> implements StreamOperator<IN, OUT> {
  private downstream?: Output<OUT>;

  constructor(protected readonly userFunction: F) {}

  protected get output(): Output<OUT> {
    if (!this.downstream) throw new Error(`${this.constructor.name}: a record arrived before open()`);
    return this.downstream;
  }

  async open(context: OperatorContext, output: Output<OUT>): Promise<void> {
    this.downstream = output;
    await openUserFunction(this.userFunction, context);
  }

  abstract processElement(record: IN): void;

  finish(): void | Promise<void> {}

  async close(): Promise<void> {
    await closeUserFunction(this.userFunction);
  }
}

export async function openUserFunction(fn: object, context: OperatorContext): Promise<void> {
  if (!isRichFunction(fn)) return;
  fn.setRuntimeContext(context.runtimeContext);
  await fn.open();
}

export async function closeUserFunction(fn: object): Promise<void> {
  if (isRichFunction(fn)) await fn.close();
}
