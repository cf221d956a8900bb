// AsyncDataStream's AsyncWaitOperator in the harness, with requests completed by hand: the
// ordered mode keeps input order, the unordered one never crosses a watermark, capacity
// holds the input back, timeouts and failures fail the task with Flink's messages (or reach
// the function's own timeout), and a checkpoint holds the requests in flight for a restore.
import t from 'tap';
import {
  AsyncDataStream,
  AsyncRetryStrategies,
  RetryPredicates,
  RichAsyncFunction,
  StreamExecutionEnvironment,
  TimeUnit,
  type AsyncFunction,
  type AsyncRetryStrategy,
  type ResultFuture,
} from '../../lib/api/index.ts';
import { AsyncWaitOperator, type AsyncOutputMode } from '../../lib/operators/async/async-wait-operator.ts';
import { OperatorTestHarness } from './helpers/operator-test-harness.ts';
import { collectInto, runInMemory } from './helpers/run-in-memory.ts';

/** Holds each request's future until the test completes it. */
class HeldRequests implements AsyncFunction<number, string> {
  readonly futures = new Map<number, ResultFuture<string>>();
  invocations = 0;

  asyncInvoke(input: number, resultFuture: ResultFuture<string>): void {
    this.invocations++;
    this.futures.set(input, resultFuture);
  }

  complete(input: number): void {
    this.futures.get(input)!.complete([`r${input}`]);
  }
}

async function harness(mode: AsyncOutputMode, fn: AsyncFunction<number, string>, options: { capacity?: number; timeoutMs?: number; restoredState?: ReadonlyMap<string, unknown>; retry?: AsyncRetryStrategy<string> } = {}) {
  const operator = new AsyncWaitOperator(fn, options.timeoutMs ?? 0, options.capacity ?? 10, mode, options.retry);
  return { operator, harness: await OperatorTestHarness.forOperators<string>([operator], { restoredState: options.restoredState }).open() };
}

/** Lets the mails the completions submitted run. */
const mailsRun = () => new Promise((resolve) => setTimeout(resolve, 5));

t.test('orderedWait emits in input order, with the input timestamps, and watermarks in their place', async (t) => {
  const requests = new HeldRequests();
  const { harness: h } = await harness('ORDERED', requests);
  h.processElement(1, 100);
  h.processElement(2, 200);
  h.processWatermark(200);
  h.processElement(3, 300);
  requests.complete(3);
  requests.complete(2);
  await mailsRun();
  t.same(h.output.emitted, [], 'nothing passes the first record while it is in flight');
  requests.complete(1);
  await mailsRun();
  t.same(h.output.emitted, [{ record: 'r1', timestamp: 100 }, { record: 'r2', timestamp: 200 }, { watermark: 200 }, { record: 'r3', timestamp: 300 }]);
  await h.finishAndClose();
});

t.test('unorderedWait emits as requests complete, but no record crosses a watermark', async (t) => {
  const requests = new HeldRequests();
  const { harness: h } = await harness('UNORDERED', requests);
  h.processElement(1, 100);
  h.processElement(2, 200);
  h.processWatermark(200);
  h.processElement(3, 300);
  requests.complete(2);
  await mailsRun();
  t.same(h.output.emitted, [{ record: 'r2', timestamp: 200 }], 'the second record overtakes the first');
  requests.complete(3);
  await mailsRun();
  t.same(h.output.emitted, [{ record: 'r2', timestamp: 200 }], 'the record after the watermark waits for it');
  requests.complete(1);
  await mailsRun();
  t.same(h.output.emitted, [{ record: 'r2', timestamp: 200 }, { record: 'r1', timestamp: 100 }, { watermark: 200 }, { record: 'r3', timestamp: 300 }]);
  await h.finishAndClose();
});

t.test('at capacity the operator refuses input until an entry goes out; what arrived meanwhile starts in order', async (t) => {
  const requests = new HeldRequests();
  const { operator, harness: h } = await harness('ORDERED', requests, { capacity: 2 });
  h.processElement(1);
  t.equal(operator.getAvailableFuture(), undefined, 'one of two held: input is taken');
  h.processElement(2);
  const unavailable = operator.getAvailableFuture();
  t.ok(unavailable, 'two of two held: the task must stop reading');
  // The rest of an input batch still arrives; it waits unstarted.
  h.processElement(3);
  t.equal(requests.invocations, 2, 'no third request while two are in flight');
  let resolved = false;
  void unavailable!.then(() => { resolved = true; });
  requests.complete(1);
  await mailsRun();
  t.equal(requests.invocations, 3, 'the waiting record started once the first went out');
  t.notOk(resolved, 'still two held (2 and 3)');
  requests.complete(2);
  await mailsRun();
  t.ok(resolved, 'room again: input resumes');
  requests.complete(3);
  await mailsRun();
  t.same(h.output.values, ['r1', 'r2', 'r3']);
  await h.finishAndClose();
});

t.test('finish waits for the requests in flight and emits their results', async (t) => {
  const requests = new HeldRequests();
  const { harness: h } = await harness('UNORDERED', requests);
  h.processElement(1);
  h.processElement(2);
  setTimeout(() => { requests.complete(2); requests.complete(1); }, 20);
  await h.finishAndClose();
  t.same(h.output.values, ['r2', 'r1']);
});

t.test('a request past its timeout fails the task with Flink\'s TimeoutException message', async (t) => {
  const { harness: h } = await harness('ORDERED', new HeldRequests(), { timeoutMs: 10 });
  h.processElement(7, 70);
  await t.rejects(h.finishAndClose(), /Could not complete the stream element Record @ 70 : 7: TimeoutException: Async function call has timed out\./);
});

t.test('a function\'s own timeout() answers instead, and a completion after it is ignored', async (t) => {
  class WithFallback extends RichAsyncFunction<number, string> {
    late?: ResultFuture<string>;
    asyncInvoke(_input: number, resultFuture: ResultFuture<string>): void {
      this.late = resultFuture;
    }
    override timeout(input: number, resultFuture: ResultFuture<string>): void {
      resultFuture.complete([`timed out ${input}`]);
    }
  }
  const fn = new WithFallback();
  const { harness: h } = await harness('ORDERED', fn, { timeoutMs: 10 });
  h.processElement(1);
  await new Promise((resolve) => setTimeout(resolve, 40));
  fn.late!.complete(['too late']);
  await h.finishAndClose();
  t.same(h.output.values, ['timed out 1']);
});

t.test('completeExceptionally and a rejected asyncInvoke fail the task, naming the record', async (t) => {
  const requests = new HeldRequests();
  const { harness: failing } = await harness('ORDERED', requests);
  failing.processElement(3);
  requests.futures.get(3)!.completeExceptionally(new Error('lookup refused'));
  await t.rejects(failing.finishAndClose(), /Could not complete the stream element Record @ \(undefined\) : 3: lookup refused/);

  const { harness: rejecting } = await harness('UNORDERED', { asyncInvoke: async (n: number) => { throw new Error(`no row for ${n}`); } });
  rejecting.processElement(4);
  await t.rejects(rejecting.finishAndClose(), /Could not complete the stream element Record @ \(undefined\) : 4: no row for 4/);
});

t.test('a checkpoint holds the inputs in flight and the watermarks between them; a restore starts them again', async (t) => {
  const requests = new HeldRequests();
  const { harness: h } = await harness('ORDERED', requests);
  h.processElement(1, 10);
  h.processWatermark(10);
  h.processElement(2, 20);
  requests.complete(1);
  await mailsRun();
  const snapshots = h.snapshot(1);
  await h.close();

  const restoredRequests = new HeldRequests();
  const { harness: restored } = await harness('ORDERED', restoredRequests, { restoredState: snapshots });
  t.same([...restoredRequests.futures.keys()], [2], 'only the record still in flight is requested again');
  restoredRequests.complete(2);
  await restored.finishAndClose();
  t.same(restored.output.emitted, [{ record: 'r2', timestamp: 20 }]);
});

t.test('AsyncDataStream in a job: lambdas and RichAsyncFunction, TimeUnit, and bad arguments named', async (t) => {
  const env = StreamExecutionEnvironment.getExecutionEnvironment();
  const source = env.fromElements(1, 2, 3, 4, 5);
  const doubled = collectInto(AsyncDataStream.orderedWait(source, (n: number, future: ResultFuture<number>) => {
    setTimeout(() => future.complete([n * 2]), 5 - n);
  }, 1, TimeUnit.SECONDS, 2));
  class Lookup extends RichAsyncFunction<number, string> {
    async asyncInvoke(n: number, future: ResultFuture<string>): Promise<void> {
      await new Promise((resolve) => setTimeout(resolve, 1));
      future.complete([`${this.getRuntimeContext().getIndexOfThisSubtask()}:${n}`]);
    }
  }
  const looked = collectInto(AsyncDataStream.unorderedWait(source, new Lookup(), 1000));
  // Completed within asyncInvoke, as a cache hit is, through a capacity of 1.
  const cached = collectInto(AsyncDataStream.orderedWait(source, (n: number, future: ResultFuture<number>) => future.complete([n, -n]), 0, TimeUnit.MILLISECONDS, 1));
  await runInMemory(env.getStreamGraph());
  t.same(doubled, [2, 4, 6, 8, 10], 'ordered, through a capacity of 2');
  t.same(looked.sort(), ['0:1', '0:2', '0:3', '0:4', '0:5']);
  t.same(cached, [1, -1, 2, -2, 3, -3, 4, -4, 5, -5]);

  t.throws(() => AsyncDataStream.orderedWait(source, {} as AsyncFunction<number, number>, 10), /AsyncDataStream\.orderedWait on .*: the AsyncFunction has no asyncInvoke method/);
  t.throws(() => AsyncDataStream.unorderedWait(source, (_n: number, future: ResultFuture<number>) => future.complete([]), 10, TimeUnit.MILLISECONDS, 0),
    /The max number of concurrent async operation should be greater than 0 \(got 0\)/);
  t.equal(TimeUnit.MINUTES.toMillis(2), 120_000);
});

t.test('with a retry strategy, an empty result or an error is tried again, maxAttempts times after the first, with the backoff between', async (t) => {
  const attemptsAt = new Map<number, number[]>();
  /** Input n answers empty (or, when odd, fails) until its n-th attempt. */
  const flaky: AsyncFunction<number, string> = {
    asyncInvoke(n, future) {
      const times = [...(attemptsAt.get(n) ?? []), Date.now()];
      attemptsAt.set(n, times);
      if (times.length >= n) future.complete([`r${n} after ${times.length}`]);
      else if (n % 2 === 1) future.completeExceptionally(new Error(`attempt ${times.length} failed`));
      else future.complete([]);
    },
  };
  const retry = new AsyncRetryStrategies.FixedDelayRetryStrategyBuilder<string>(3, 20)
    .ifResult(RetryPredicates.EMPTY_RESULT_PREDICATE)
    .ifException(RetryPredicates.HAS_EXCEPTION_PREDICATE)
    .build();
  const { harness: h } = await harness('ORDERED', flaky, { retry });
  h.processElement(2);
  h.processElement(3);
  h.processElement(4);
  await h.finishAndClose();
  t.same(h.output.values, ['r2 after 2', 'r3 after 3', 'r4 after 4'], 'retried until it answered, in input order');
  const gaps = attemptsAt.get(4)!.slice(1).map((time, i) => time - attemptsAt.get(4)![i]!);
  t.ok(gaps.every((gap) => gap >= 15), `a backoff of 20 ms before each retry (${gaps.join(', ')} ms)`);

  attemptsAt.clear();
  const { harness: exhausted } = await harness('UNORDERED', flaky, { retry });
  exhausted.processElement(6);
  await exhausted.finishAndClose();
  t.same(exhausted.output.values, [], 'after 1 + 3 attempts the last (empty) result is final');
  t.equal(attemptsAt.get(6)!.length, 4);

  attemptsAt.clear();
  const { harness: failing } = await harness('UNORDERED', flaky, { retry });
  failing.processElement(7);
  await t.rejects(failing.finishAndClose(), /Could not complete the stream element Record @ \(undefined\) : 7: attempt 4 failed/, 'the last error fails the task');

  attemptsAt.clear();
  const onlyTypeErrors = new AsyncRetryStrategies.FixedDelayRetryStrategyBuilder<string>(3, 1).ifException(RetryPredicates.createExceptionTypePredicate(TypeError)).build();
  const { harness: notRetried } = await harness('ORDERED', flaky, { retry: onlyTypeErrors });
  notRetried.processElement(3);
  await t.rejects(notRetried.finishAndClose(), /attempt 1 failed/, 'an error of another class is not retried');
});

t.test('a timeout while a retry waits ends the input with the last attempt\'s result; exponential backoff grows to its maximum', async (t) => {
  let attempts = 0;
  const alwaysEmpty: AsyncFunction<number, string> = { asyncInvoke: (_n, future) => { attempts++; future.complete([]); } };
  const slowRetry = new AsyncRetryStrategies.FixedDelayRetryStrategyBuilder<string>(5, 200).ifResult(RetryPredicates.EMPTY_RESULT_PREDICATE).build();
  const { harness: h } = await harness('ORDERED', alwaysEmpty, { retry: slowRetry, timeoutMs: 50 });
  h.processElement(1);
  await h.finishAndClose();
  t.same([h.output.values, attempts], [[], 1], 'no timeout failure: the empty result stands');

  const exponential = new AsyncRetryStrategies.ExponentialBackoffDelayRetryStrategyBuilder<string>(5, 10, 50, 2.0).build();
  t.same([1, 2, 3, 4, 5].map((n) => exponential.getBackoffTimeMillis(n)), [10, 20, 40, 50, 50]);
  t.same([5, 6].map((n) => exponential.canRetry(n)), [true, false]);
  t.equal(AsyncRetryStrategies.NO_RETRY_STRATEGY.canRetry(1), false);
  t.throws(() => new AsyncRetryStrategies.FixedDelayRetryStrategyBuilder(0, 10), /maxAttempts should be greater than zero \(got 0\)/);
});

t.test('orderedWaitWithRetry in a job', async (t) => {
  const env = StreamExecutionEnvironment.getExecutionEnvironment();
  const tries = new Map<number, number>();
  const retry = new AsyncRetryStrategies.FixedDelayRetryStrategyBuilder<number>(2, 1).ifResult(RetryPredicates.EMPTY_RESULT_PREDICATE).build();
  const out = collectInto(AsyncDataStream.orderedWaitWithRetry(env.fromElements(1, 2, 3), (n: number, future: ResultFuture<number>) => {
    tries.set(n, (tries.get(n) ?? 0) + 1);
    setTimeout(() => future.complete(tries.get(n)! > 1 ? [n] : []), 1);
  }, 1, TimeUnit.SECONDS, 10, retry));
  await runInMemory(env.getStreamGraph());
  t.same(out, [1, 2, 3], 'each answered on its second attempt');
});
