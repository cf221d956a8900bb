// Restart strategies under Flink's names: their validation (a misconfigured one is one line
// naming the strategy and the setting) and the restart decisions of their backoff strategies.
import t from 'tap';
import { StreamExecutionEnvironment, Time } from '../../lib/api/index.ts';
import { toJobGraph } from '../../lib/graph/job-graph-builder.ts';
import { restartStrategyFromConfiguration } from '../../lib/restart/restart-strategy-options.ts';
import { effectiveRestartStrategy, maxRestartAttempts, RestartStrategies } from '../../lib/restart/restart-strategies.ts';
import { createRestartBackoffTimeStrategy, ExponentialDelayRestartBackoffTimeStrategy } from '../../lib/restart/restart-backoff-time-strategy.ts';
import { RestartAllFailoverStrategy, type FailoverStrategy } from '../../lib/graph/failover-strategy.ts';
import { ExecutionGraph } from '../../lib/graph/execution-graph.ts';

t.test('a misconfigured restart strategy is refused with one line', async (t) => {
  t.throws(() => RestartStrategies.fixedDelayRestart(-1, 1000), { message: 'restart strategy fixed-delay: the number of restart attempts must be an integer >= 0 (got -1)' });
  t.throws(() => RestartStrategies.fixedDelayRestart(3, -5), { message: 'restart strategy fixed-delay: the delay must be a duration >= 0 ms (got -5)' });
  t.throws(() => RestartStrategies.failureRateRestart(0, Time.minutes(1), Time.seconds(1)), { message: 'restart strategy failure-rate: the maximum number of failures per interval must be an integer >= 1 (got 0)' });
  t.throws(() => RestartStrategies.exponentialDelayRestart(Time.seconds(10), Time.seconds(1), 2, Time.minutes(1), 0.1), { message: 'restart strategy exponential-delay: the max backoff (1000 ms) must not be below the initial backoff (10000 ms)' });
  t.throws(() => RestartStrategies.exponentialDelayRestart(100, 1000, 0.5, 5000, 0), { message: 'restart strategy exponential-delay: the backoff multiplier must be >= 1 (got 0.5)' });
});

t.test("Flink's default: fixed-delay with Integer.MAX_VALUE attempts with checkpointing, else none", async (t) => {
  t.same(effectiveRestartStrategy(undefined, true), { strategy: 'fixed-delay', restartAttempts: maxRestartAttempts, delayMs: 1000 });
  t.same(effectiveRestartStrategy(undefined, false), { strategy: 'none' });
  t.same(effectiveRestartStrategy(RestartStrategies.noRestart(), true), { strategy: 'none' });
});

t.test('fixed-delay restarts as many times as allowed, after its delay', async (t) => {
  const strategy = createRestartBackoffTimeStrategy(RestartStrategies.fixedDelayRestart(2, Time.seconds(3)));
  const decisions = [1, 2, 3].map((n) => { strategy.notifyFailure(n); return strategy.canRestart(); });
  t.same(decisions, [true, true, false]);
  t.equal(strategy.getBackoffTime(), 3000);
});

t.test('failure-rate refuses once the maximum failures fall within the interval', async (t) => {
  const strategy = createRestartBackoffTimeStrategy(RestartStrategies.failureRateRestart(2, 1000, 10));
  const at = (timestamp: number) => { strategy.notifyFailure(timestamp); return strategy.canRestart(); };
  t.same([at(0), at(1500), at(2000)], [true, true, false], 'two failures 500 ms apart: too many');
  t.equal(at(5000), true, 'the oldest of the last two is 3 s old');
});

t.test('exponential-delay grows the backoff to its maximum and resets it after a quiet spell', async (t) => {
  const strategy = new ExponentialDelayRestartBackoffTimeStrategy(100, 500, 2, 10_000, 0);
  const backoffAt = (timestamp: number) => { strategy.notifyFailure(timestamp); return strategy.getBackoffTime(); };
  t.same([backoffAt(0), backoffAt(1), backoffAt(2), backoffAt(3), backoffAt(4)], [100, 200, 400, 500, 500]);
  t.equal(backoffAt(20_000), 100, 'reset after the threshold');
  t.equal(strategy.canRestart(), true);
});

t.test('the restart-all failover strategy restarts while the restart strategy allows, then fails the job naming the strategy', async (t) => {
  const graph = new ExecutionGraph({ jobName: 'j', vertices: [{ id: 'v', name: 'V', parallelism: 1, maxParallelism: 8, operatorIds: ['v'], isSource: true, slotSharingGroup: 'default' }], edges: [], bufferTimeoutMs: 5, fingerprint: 'x' });
  const failover: FailoverStrategy = new RestartAllFailoverStrategy(createRestartBackoffTimeStrategy(RestartStrategies.fixedDelayRestart(1, 250)), () => 0);
  const cause = { name: 'Error', message: 'V (1/1) failed: boom' };
  t.same(failover.onTaskFailure(graph.vertices[0]!, cause, graph), { type: 'restartAll', delayMs: 250 });
  t.same(failover.onGlobalFailure(cause, graph), {
    type: 'failJob',
    reason: 'V (1/1) failed: boom (recovery is suppressed by FixedDelayRestartBackoffTimeStrategy(maxNumberRestartAttempts=1, backoffTimeMS=250))',
  });
});

t.test("Flink's configuration keys name a restart strategy, with Flink's defaults; a wrong value is one line naming the key", async (t) => {
  t.equal(restartStrategyFromConfiguration({}), undefined, 'unset: the default for the job\'s checkpointing applies');
  t.same(restartStrategyFromConfiguration({ 'restart-strategy': 'fixed-delay' }), { strategy: 'fixed-delay', restartAttempts: 1, delayMs: 1000 });
  t.same(restartStrategyFromConfiguration({ 'restart-strategy': 'fixed-delay', 'restart-strategy.fixed-delay.attempts': '3', 'restart-strategy.fixed-delay.delay': '10 s' }), { strategy: 'fixed-delay', restartAttempts: 3, delayMs: 10_000 });
  t.same(restartStrategyFromConfiguration({ 'restart-strategy': 'failure-rate', 'restart-strategy.failure-rate.failure-rate-interval': '5 min' }), { strategy: 'failure-rate', maxFailuresPerInterval: 1, failureIntervalMs: 300_000, delayMs: 1000 });
  t.match(restartStrategyFromConfiguration({ 'restart-strategy': 'exponential-delay' }), { strategy: 'exponential-delay', initialBackoffMs: 1000, maxBackoffMs: 300_000, backoffMultiplier: 2, resetBackoffThresholdMs: 3_600_000, jitterFactor: 0.1 });
  t.same(restartStrategyFromConfiguration({ 'restart-strategy': 'none' }), { strategy: 'none' });
  t.throws(() => restartStrategyFromConfiguration({ 'restart-strategy': 'fixed-dealy' }), { message: "restart-strategy: unknown strategy 'fixed-dealy' (expected none, fixed-delay, failure-rate or exponential-delay)" });
  t.throws(() => restartStrategyFromConfiguration({ 'restart-strategy': 'fixed-delay', 'restart-strategy.fixed-delay.delay': 'soon' }), { message: "restart-strategy.fixed-delay.delay: 'soon' is not a duration (e.g. '500 ms', '10 s', '1 min')" });
  t.throws(() => restartStrategyFromConfiguration({ 'restart-strategy': 'fixed-delay', 'restart-strategy.fixed-delay.attempts': '-2' }), { message: 'restart strategy fixed-delay: the number of restart attempts must be an integer >= 0 (got -2)' });
});

t.test('getExecutionEnvironment(configuration) takes the restart strategy into the JobGraph', async (t) => {
  const env = StreamExecutionEnvironment.getExecutionEnvironment({ 'restart-strategy': 'fixed-delay', 'restart-strategy.fixed-delay.attempts': '5' });
  env.fromElements(1).print();
  t.same(toJobGraph(env.getStreamGraph()).restartStrategy, { strategy: 'fixed-delay', restartAttempts: 5, delayMs: 1000 });
});
