// Flink's asynchronous I/O functions (AsyncDataStream): `asyncInvoke` starts a request for one
// record and returns at once; the request completes its ResultFuture later, with the records
// to emit for that input, or exceptionally. A request that has not completed when its timeout
// passes gets `timeout` instead, which by default fails the job as Flink's does.
import { AbstractRichFunction } from './rich-functions.ts';

/** Where one input's asynchronous result goes; only the first completion counts. */
export interface ResultFuture<OUT> {
  /** The records to emit for the input (none: an empty collection). */
  complete(result: Iterable<OUT>): void;
  /** Fails the input, and with it the job (or its restart strategy). */
  completeExceptionally(error: Error): void;
}

export interface AsyncFunction<IN, OUT> {
  /**
   * Starts the request for `input`. A returned promise that rejects completes the future
   * exceptionally; its value is ignored: the result goes through `resultFuture`.
   */
  asyncInvoke(input: IN, resultFuture: ResultFuture<OUT>): void | Promise<void>;
  /** Called instead when `input`'s request timed out; without it the job fails with Flink's TimeoutException message. */
  timeout?(input: IN, resultFuture: ResultFuture<OUT>): void;
}

/** The TimeoutException an AsyncFunction without `timeout` fails with. */
export class AsyncTimeoutError extends Error {
  constructor() {
    super('Async function call has timed out.');
    this.name = 'TimeoutException';
  }
}

/** An AsyncFunction with `open`/`close` and the RuntimeContext. */
export abstract class RichAsyncFunction<IN, OUT> extends AbstractRichFunction implements AsyncFunction<IN, OUT> {
  abstract asyncInvoke(input: IN, resultFuture: ResultFuture<OUT>): void | Promise<void>;

  timeout(_input: IN, resultFuture: ResultFuture<OUT>): void {
    resultFuture.completeExceptionally(new AsyncTimeoutError());
  }
}
