// A function's metric group, as Flink's: counters, gauges, meters and histograms under an
// operator scope, subgroups with variables, and a name collision that keeps the first metric.
import t from 'tap';
import { hostname } from 'node:os';
import { DescriptiveStatisticsHistogram, MeterView, SimpleCounter, StreamingRuntimeContext } from '../../lib/api/index.ts';
import type { ScopedMetricGroup } from '../../lib/metrics/metric-group.ts';

const subtask = { jobId: 'f00d', jobName: 'Metrics', taskName: 'Source -> Map', subtaskIndex: 1, parallelism: 2, maxParallelism: 128, attemptNumber: 0 };

t.test('an operator subtask\'s group: Flink\'s operator scope, and its metrics by name', async (t) => {
  const group = new StreamingRuntimeContext(subtask, 'Map').getMetricGroup();
  t.same(group.getScopeComponents(), [hostname(), 'taskmanager', 'Metrics', 'Map', '1']);
  t.equal(group.getMetricIdentifier('records'), `${hostname()}.taskmanager.Metrics.Map.1.records`);
  t.match(Object.fromEntries(group.getAllVariables()), { '<job_id>': 'f00d', '<job_name>': 'Metrics', '<task_name>': 'Source -> Map', '<operator_name>': 'Map', '<subtask_index>': '1', '<attempt_num>': '0' });

  const counter = group.counter('records');
  counter.inc();
  counter.inc(4);
  counter.dec();
  t.equal(counter.getCount(), 4);
  const own = group.counter('own', new SimpleCounter());
  t.ok(own instanceof SimpleCounter, 'a given counter is returned as it is');
  let temperature = 20;
  const gauge = group.gauge('temperature', () => temperature);
  temperature = 25;
  t.equal(gauge.getValue(), 25, 'a function is a gauge, read when asked');
  t.equal(group.gauge('fixed', { getValue: () => 'ok' }).getValue(), 'ok');

  const second = group.counter('records');
  second.inc(10);
  t.equal((group as ScopedMetricGroup).metrics.get('records'), counter, 'a second metric of a taken name is returned but not registered');
  t.throws(() => group.counter(''), /a metric needs a non-empty name/);
});

t.test('subgroups: a name, or a key and value that become a variable', async (t) => {
  const group = new StreamingRuntimeContext(subtask, 'Map').getMetricGroup();
  const byName = group.addGroup('parser');
  t.equal(byName.getMetricIdentifier('errors'), `${hostname()}.taskmanager.Metrics.Map.1.parser.errors`);
  t.equal(group.addGroup('parser'), byName, 'the same name, the same group');
  const byKey = group.addGroup('topic', 'orders');
  t.same(byKey.getScopeComponents().slice(-2), ['topic', 'orders']);
  t.equal(byKey.getAllVariables().get('<topic>'), 'orders');
  t.equal(group.getAllVariables().get('<topic>'), undefined, 'the parent group keeps its own variables');
});

t.test('MeterView counts events and gives their rate per second', async (t) => {
  const meter = new MeterView(new SimpleCounter(), 60);
  meter.markEvent();
  meter.markEvent(9);
  t.equal(meter.getCount(), 10);
  t.ok(meter.getRate() >= 0);
  t.equal(new MeterView(5).getCount(), 0, 'a time span alone: a counter of its own');
  t.throws(() => new MeterView(0), /the time span must be at least 1 second \(got 0\)/);
});

t.test('DescriptiveStatisticsHistogram: statistics of the last window of values', async (t) => {
  const histogram = new DescriptiveStatisticsHistogram(10);
  for (let value = 1; value <= 12; value++) histogram.update(value);
  t.equal(histogram.getCount(), 12, 'every update counts');
  const statistics = histogram.getStatistics();
  t.same(statistics.getValues(), [3, 4, 5, 6, 7, 8, 9, 10, 11, 12], 'the last 10 values');
  t.same([statistics.size(), statistics.getMin(), statistics.getMax(), statistics.getMean()], [10, 3, 12, 7.5]);
  t.equal(statistics.getQuantile(0.5), 7.5);
  t.equal(Math.round(statistics.getQuantile(0.9) * 100) / 100, 11.9);
  t.equal(Math.round(statistics.getStdDev() * 1000) / 1000, 3.028);
  t.throws(() => statistics.getQuantile(2), /a quantile is between 0 and 1 \(got 2\)/);
  t.throws(() => new DescriptiveStatisticsHistogram(0), /the window size must be a positive integer/);
});
