// Flink's MetricGroup (`getRuntimeContext().getMetricGroup()`): where a function registers
// its counters, gauges, histograms and meters, under named subgroups. Its scope is Flink's
// operator scope, `<host>.taskmanager.<job_name>.<operator_name>.<subtask_index>`, and a
// metric's identifier is its scope and name joined by dots. As in Flink, a second metric of
// a name already taken in a group is returned but not registered, with a warning.
import { hostname } from 'node:os';
import { rootLogger } from '../log/logger.ts';
import type { Counter, Gauge, Histogram, Meter } from './metric.ts';
import { SimpleCounter } from './simple-counter.ts';

export type Metric = Counter | Gauge<unknown> | Histogram | Meter;

export interface MetricGroup {
  /** A new SimpleCounter, or the given counter, registered under `name`. */
  counter(name: string): Counter;
  counter<C extends Counter>(name: string, counter: C): C;
  gauge<T>(name: string, gauge: Gauge<T> | (() => T)): Gauge<T>;
  histogram<H extends Histogram>(name: string, histogram: H): H;
  meter<M extends Meter>(name: string, meter: M): M;
  /** A subgroup; `addGroup(key, value)` also adds the variable `<key>` with that value. */
  addGroup(name: string): MetricGroup;
  addGroup(key: string, value: string): MetricGroup;
  getScopeComponents(): string[];
  /** The scope's variables, such as `<job_name>` and `<subtask_index>`. */
  getAllVariables(): Map<string, string>;
  getMetricIdentifier(metricName: string): string;
}

/** The facts an operator's metric scope is made of. */
export interface OperatorScope {
  jobId: string;
  jobName: string;
  taskName: string;
  operatorName: string;
  subtaskIndex: number;
  attemptNumber: number;
}

export class ScopedMetricGroup implements MetricGroup {
  /** What was registered, by name: a reporter's view of this group. */
  readonly metrics = new Map<string, Metric>();
  readonly groups = new Map<string, ScopedMetricGroup>();

  constructor(
    private readonly scope: readonly string[],
    private readonly variables: ReadonlyMap<string, string>,
  ) {}

  /** The group of one operator subtask. */
  static forOperator(operator: OperatorScope): ScopedMetricGroup {
    const host = hostname();
    const variables = new Map([
      ['<host>', host], ['<job_id>', operator.jobId], ['<job_name>', operator.jobName], ['<task_name>', operator.taskName],
      ['<operator_name>', operator.operatorName], ['<subtask_index>', String(operator.subtaskIndex)], ['<attempt_num>', String(operator.attemptNumber)],
    ]);
    return new ScopedMetricGroup([host, 'taskmanager', operator.jobName, operator.operatorName, String(operator.subtaskIndex)], variables);
  }

  counter<C extends Counter>(name: string, counter?: C): C | Counter {
    return this.register(name, counter ?? new SimpleCounter());
  }

  gauge<T>(name: string, gauge: Gauge<T> | (() => T)): Gauge<T> {
    return this.register(name, typeof gauge === 'function' ? { getValue: gauge } : gauge);
  }

  histogram<H extends Histogram>(name: string, histogram: H): H {
    return this.register(name, histogram);
  }

  meter<M extends Meter>(name: string, meter: M): M {
    return this.register(name, meter);
  }

  addGroup(keyOrName: string, value?: string): MetricGroup {
    const name = value === undefined ? keyOrName : `${keyOrName}.${value}`;
    const existing = this.groups.get(name);
    if (existing) return existing;
    const scope = value === undefined ? [...this.scope, keyOrName] : [...this.scope, keyOrName, value];
    const variables = value === undefined ? this.variables : new Map([...this.variables, [`<${keyOrName}>`, value]]);
    const group = new ScopedMetricGroup(scope, variables);
    this.groups.set(name, group);
    return group;
  }

  getScopeComponents(): string[] {
    return [...this.scope];
  }

  getAllVariables(): Map<string, string> {
    return new Map(this.variables);
  }

  getMetricIdentifier(metricName: string): string {
    return [...this.scope, metricName].join('.');
  }

  private register<M extends Metric>(name: string, metric: M): M {
    if (typeof name !== 'string' || name === '') throw new Error(`metric group ${this.scope.join('.')}: a metric needs a non-empty name`);
    if (this.metrics.has(name) || this.groups.has(name)) {
      rootLogger.warn(`Name collision: Group already contains a Metric with the name '${name}'. Metric will not be reported.`, { group: this.scope.join('.') });
    } else {
      this.metrics.set(name, metric);
    }
    return metric;
  }
}
