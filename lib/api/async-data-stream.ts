// Flink's AsyncDataStream: asynchronous I/O on a stream. `orderedWait` emits the results in
// the order of the input records; `unorderedWait` as soon as they complete, but never across
// a watermark. At most `capacity` requests (default 100) are in flight per subtask: past that
// the operator stops taking input (backpressure). A request not completed within `timeout`
// gets the function's `timeout` (by default the job fails); a timeout of 0 or less means none.
// The `…WithRetry` variants (Flink 1.16) make further attempts for an input when the strategy
// asks for it (an empty result, an error), within the same timeout.
import { AsyncWaitOperator, type AsyncOutputMode } from '../operators/async/async-wait-operator.ts';
import type { AsyncFunction, ResultFuture } from '../functions/async-function.ts';
import type { AsyncRetryStrategy } from '../functions/async-retry-strategy.ts';
import type { DataStream, SingleOutputStreamOperator } from './data-stream.ts';
import { perSubtaskOperator } from './per-subtask-operator.ts';
import { requireMethods } from './require-methods.ts';
import { TimeUnit } from './time-unit.ts';

/** Flink's default capacity of an async operator. */
const defaultCapacity = 100;

type AsyncInvoke<IN, OUT> = (input: IN, resultFuture: ResultFuture<OUT>) => void | Promise<void>;

export class AsyncDataStream {
  private constructor() {}

  static orderedWait<IN, OUT>(input: DataStream<IN>, fn: AsyncFunction<IN, OUT> | AsyncInvoke<IN, OUT>, timeout: number, timeUnit: TimeUnit = TimeUnit.MILLISECONDS, capacity = defaultCapacity): SingleOutputStreamOperator<OUT> {
    return addOperator(input, fn, timeout, timeUnit, capacity, 'ORDERED');
  }

  static unorderedWait<IN, OUT>(input: DataStream<IN>, fn: AsyncFunction<IN, OUT> | AsyncInvoke<IN, OUT>, timeout: number, timeUnit: TimeUnit = TimeUnit.MILLISECONDS, capacity = defaultCapacity): SingleOutputStreamOperator<OUT> {
    return addOperator(input, fn, timeout, timeUnit, capacity, 'UNORDERED');
  }

  static orderedWaitWithRetry<IN, OUT>(input: DataStream<IN>, fn: AsyncFunction<IN, OUT> | AsyncInvoke<IN, OUT>, timeout: number, timeUnit: TimeUnit, capacity: number, asyncRetryStrategy: AsyncRetryStrategy<OUT>): SingleOutputStreamOperator<OUT> {
    return addOperator(input, fn, timeout, timeUnit, capacity, 'ORDERED', asyncRetryStrategy);
  }

  static unorderedWaitWithRetry<IN, OUT>(input: DataStream<IN>, fn: AsyncFunction<IN, OUT> | AsyncInvoke<IN, OUT>, timeout: number, timeUnit: TimeUnit, capacity: number, asyncRetryStrategy: AsyncRetryStrategy<OUT>): SingleOutputStreamOperator<OUT> {
    return addOperator(input, fn, timeout, timeUnit, capacity, 'UNORDERED', asyncRetryStrategy);
  }
}

function addOperator<IN, OUT>(
  input: DataStream<IN>,
  fn: AsyncFunction<IN, OUT> | AsyncInvoke<IN, OUT>,
  timeout: number,
  timeUnit: TimeUnit,
  capacity: number,
  mode: AsyncOutputMode,
  retryStrategy?: AsyncRetryStrategy<OUT>,
): SingleOutputStreamOperator<OUT> {
  const where = `AsyncDataStream.${mode === 'ORDERED' ? 'orderedWait' : 'unorderedWait'}${retryStrategy ? 'WithRetry' : ''} on ${input.describe()}`;
  const asyncFunction: AsyncFunction<IN, OUT> = typeof fn === 'function' ? { asyncInvoke: fn } : fn;
  requireMethods(asyncFunction, ['asyncInvoke'], where, 'AsyncFunction', 'implement AsyncFunction or extend RichAsyncFunction');
  if (typeof (timeUnit as Partial<TimeUnit> | undefined)?.toMillis !== 'function') throw new Error(`${where}: the time unit must be a TimeUnit, such as TimeUnit.MILLISECONDS (got ${String(timeUnit)})`);
  if (!Number.isFinite(timeout)) throw new Error(`${where}: the timeout must be a number (got ${timeout})`);
  if (!Number.isInteger(capacity) || capacity <= 0) throw new Error(`${where}: The max number of concurrent async operation should be greater than 0 (got ${capacity}).`);
  if (retryStrategy && typeof retryStrategy.canRetry !== 'function') throw new Error(`${where}: the retry strategy must be an AsyncRetryStrategy, such as one built by new AsyncRetryStrategies.FixedDelayRetryStrategyBuilder(…).build()`);
  const timeoutMs = timeUnit.toMillis(timeout);
  return input.transform('async wait operator', perSubtaskOperator(asyncFunction, (copy) => new AsyncWaitOperator<IN, OUT>(copy, timeoutMs, capacity, mode, retryStrategy)));
}
