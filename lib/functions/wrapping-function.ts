// Flink's WrappingFunction: a function the API builds around a user's function (a window join
// around its JoinFunction, …). It hands the user's function the rich lifecycle, so a rich
// function keeps its RuntimeContext, open and close however it is wrapped.
import { AbstractRichFunction, isRichFunction } from './rich-functions.ts';
import type { RuntimeContext } from './runtime-context.ts';

export abstract class WrappingFunction<F extends object> extends AbstractRichFunction {
  constructor(protected readonly wrappedFunction: F) {
    super();
  }

  override setRuntimeContext(context: RuntimeContext): void {
    super.setRuntimeContext(context);
    if (isRichFunction(this.wrappedFunction)) this.wrappedFunction.setRuntimeContext(context);
  }

  override async open(): Promise<void> {
    if (isRichFunction(this.wrappedFunction)) await this.wrappedFunction.open();
  }

  override async close(): Promise<void> {
    if (isRichFunction(this.wrappedFunction)) await this.wrappedFunction.close();
  }
}
