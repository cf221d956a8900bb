// Flink's retries for asynchronous I/O (AsyncDataStream.orderedWaitWithRetry /
// unorderedWaitWithRetry): a strategy says whether an attempt's outcome (its result, or its
// error) calls for another attempt, whether one more is allowed, and how long to wait first.
// As in Flink, `canRetry(n)` is asked with the attempts made so far, so `maxAttempts` retries
// follow the first attempt. The operator's timeout covers all the attempts of an input.

export interface AsyncRetryPredicate<OUT> {
  /** Whether a result asks for another attempt; absent: results never do. */
  resultPredicate?: (result: OUT[]) => boolean;
  /** Whether an error asks for another attempt; absent: errors never do. */
  exceptionPredicate?: (error: Error) => boolean;
}

export interface AsyncRetryStrategy<OUT> {
  canRetry(currentAttempts: number): boolean;
  getBackoffTimeMillis(currentAttempts: number): number;
  getRetryPredicate(): AsyncRetryPredicate<OUT>;
}

export const RetryPredicates = {
  /** Retries an empty result. */
  EMPTY_RESULT_PREDICATE: (result: readonly unknown[]): boolean => result.length === 0,
  /** Retries any error. */
  HAS_EXCEPTION_PREDICATE: (_error: Error): boolean => true,
  /** Retries errors of one class (or its subclasses). */
  createExceptionTypePredicate(type: abstract new (...args: never[]) => Error): (error: Error) => boolean {
    return (error) => error instanceof type;
  },
};

/** Builds the predicates shared by both builders. */
abstract class RetryStrategyBuilder<OUT> {
  protected predicate: AsyncRetryPredicate<OUT> = {};

  constructor(protected readonly maxAttempts: number) {
    if (!Number.isInteger(maxAttempts) || maxAttempts <= 0) throw new Error(`maxAttempts should be greater than zero (got ${maxAttempts}).`);
  }

  ifResult(resultPredicate: (result: OUT[]) => boolean): this {
    this.predicate = { ...this.predicate, resultPredicate };
    return this;
  }

  ifException(exceptionPredicate: (error: Error) => boolean): this {
    this.predicate = { ...this.predicate, exceptionPredicate };
    return this;
  }

  abstract build(): AsyncRetryStrategy<OUT>;
}

class FixedDelayRetryStrategyBuilder<OUT> extends RetryStrategyBuilder<OUT> {
  constructor(maxAttempts: number, private readonly backoffTimeMillis: number) {
    super(maxAttempts);
  }

  build(): AsyncRetryStrategy<OUT> {
    const { maxAttempts, backoffTimeMillis, predicate } = this;
    return {
      canRetry: (currentAttempts) => currentAttempts <= maxAttempts,
      getBackoffTimeMillis: () => backoffTimeMillis,
      getRetryPredicate: () => predicate,
    };
  }
}

class ExponentialBackoffDelayRetryStrategyBuilder<OUT> extends RetryStrategyBuilder<OUT> {
  constructor(maxAttempts: number, private readonly initialDelay: number, private readonly maxRetryDelay: number, private readonly multiplier: number) {
    super(maxAttempts);
  }

  build(): AsyncRetryStrategy<OUT> {
    const { maxAttempts, initialDelay, maxRetryDelay, multiplier, predicate } = this;
    return {
      canRetry: (currentAttempts) => currentAttempts <= maxAttempts,
      // The wait before attempt n + 1: the initial delay, multiplied by each retry since, up to the maximum.
      getBackoffTimeMillis: (currentAttempts) => Math.min(initialDelay * multiplier ** Math.max(0, currentAttempts - 1), maxRetryDelay),
      getRetryPredicate: () => predicate,
    };
  }
}

export class AsyncRetryStrategies {
  static readonly NO_RETRY_STRATEGY: AsyncRetryStrategy<unknown> = {
    canRetry: () => false,
    getBackoffTimeMillis: () => -1,
    getRetryPredicate: () => ({}),
  };

  static readonly FixedDelayRetryStrategyBuilder = FixedDelayRetryStrategyBuilder;
  static readonly ExponentialBackoffDelayRetryStrategyBuilder = ExponentialBackoffDelayRetryStrategyBuilder;
}
