import t from 'tap';
import { pack, unpack } from 'msgpackr';
import {
  BroadcastProcessFunction,
  KeyedBroadcastProcessFunction,
  ListStateDescriptor,
  MapStateDescriptor,
  StreamExecutionEnvironment,
  ValueStateDescriptor,
  type BroadcastContext,
  type BroadcastReadOnlyContext,
  type Collector,
  type KeyedBroadcastContext,
  type KeyedBroadcastOnTimerContext,
  type KeyedBroadcastReadOnlyContext,
  type ListState,
  type ValueState,
} from '../../lib/api/index.ts';
import { toJobGraph } from '../../lib/graph/job-graph-builder.ts';
import { CoBroadcastWithKeyedOperator } from '../../lib/operators/co-broadcast-with-keyed-operator.ts';
import { CoBroadcastWithNonKeyedOperator } from '../../lib/operators/co-broadcast-with-non-keyed-operator.ts';
import { repartitionOperatorState, type OperatorStateSnapshot } from '../../lib/state/index.ts';
import { OperatorTestHarness } from './helpers/operator-test-harness.ts';
import { collectInto, runInMemory } from './helpers/run-in-memory.ts';

interface Rule {
  name: string;
  threshold: number;
}

const rules = new MapStateDescriptor<string, number>('rules');

/** Emits each reading above the threshold the broadcast rules set for its sensor. */
class ThresholdAlerts extends BroadcastProcessFunction<[string, number], Rule, string> {
  readOnlyState?: object;

  processElement([sensor, reading]: [string, number], ctx: BroadcastReadOnlyContext, out: Collector<string>): void {
    const state = (this.readOnlyState = ctx.getBroadcastState(rules));
    const threshold = state.get(sensor);
    if (threshold !== null && reading > threshold) out.collect(`${sensor}:${reading}>${threshold}@${ctx.timestamp()}`);
  }

  processBroadcastElement(rule: Rule, ctx: BroadcastContext): void {
    ctx.getBroadcastState(rules).put(rule.name, rule.threshold);
  }
}

const broadcastHarness = (subtaskIndex = 0, parallelism = 1, restoredState?: ReadonlyMap<string, unknown>, fn = new ThresholdAlerts()) =>
  OperatorTestHarness.forOperators<string>([new CoBroadcastWithNonKeyedOperator(fn, [rules as MapStateDescriptor<unknown, unknown>])], {
    channels: [1, 1], subtaskIndex, parallelism, ...(restoredState ? { restoredState } : {}),
  }).open();

t.test('BroadcastProcessFunction: the broadcast side writes the state, the other side reads it; a restore copies it to every subtask', async (t) => {
  const fn = new ThresholdAlerts();
  const harness = await broadcastHarness(0, 1, undefined, fn);
  harness.processElement(['s1', 50], 1);
  harness.processElement({ name: 's1', threshold: 10 }, undefined, { input: 2 });
  harness.processElement(['s1', 50], 2);
  harness.processElement(['s1', 5], 3);
  harness.processElement(['s2', 50], 4);
  t.same(harness.output.values, ['s1:50>10@2']);
  t.notOk('put' in fn.readOnlyState!, 'the non-broadcast side gets a read-only view');
  const snapshot = unpack(pack(harness.snapshot(1).get('op-1'))) as OperatorStateSnapshot;
  t.same(snapshot, { operatorStates: [{ name: 'rules', mode: 'BROADCAST', entries: [['s1', 10]] }] });
  await harness.close();

  const parts = repartitionOperatorState([snapshot], 2);
  for (const [i, part] of parts.entries()) {
    const restored = await broadcastHarness(i, 2, new Map([['op-1', part]]));
    restored.processElement(['s1', 11], 7);
    t.same(restored.output.values, ['s1:11>10@7'], `subtask ${i} has the rules`);
    await restored.close();
  }
});

t.test('a broadcast state not named in broadcast(...) is refused', async (t) => {
  const harness = await OperatorTestHarness.forOperators([new CoBroadcastWithNonKeyedOperator({
    processElement: () => {},
    processBroadcastElement: (_: unknown, ctx: BroadcastContext) => ctx.getBroadcastState(new MapStateDescriptor('rulez')),
  } as unknown as BroadcastProcessFunction<unknown, unknown, unknown>, [rules as MapStateDescriptor<unknown, unknown>])], { channels: [1, 1] }).open();
  t.throws(() => harness.processElement('x', undefined, { input: 2 }), {
    message: 'operator "CoBroadcastWithNonKeyedOperator": broadcast state "rulez" does not exist; check for typos in the state descriptor, or pass it to the broadcast(...) call',
  });
  await harness.close();
});

const count = new ValueStateDescriptor<number>('count', 0);

/** Counts readings per sensor; a broadcast "reset" clears every sensor's count. */
class CountsWithReset extends KeyedBroadcastProcessFunction<string, [string, number], string, string> {
  processElement([sensor]: [string, number], ctx: KeyedBroadcastReadOnlyContext<string>, out: Collector<string>): void {
    const state = this.getRuntimeContext().getState(count);
    state.update(state.value()! + 1);
    out.collect(`${ctx.getCurrentKey()}=${state.value()} (${sensor})`);
  }

  processBroadcastElement(command: string, ctx: KeyedBroadcastContext, out: Collector<string>): void {
    ctx.applyToKeyedState<ValueState<number>>(count, (key, state) => {
      out.collect(`${command} ${String(key)} at ${state.value()}`);
      state.clear();
    });
  }
}

t.test('KeyedBroadcastProcessFunction: keyed state per key; applyToKeyedState visits every key', async (t) => {
  const harness = await OperatorTestHarness.forOperators<string>([new CoBroadcastWithKeyedOperator(new CountsWithReset(), [])], {
    channels: [1, 1], keySelector: (reading: [string, number]) => reading[0],
  }).open();
  for (const reading of [['a', 1], ['b', 2], ['a', 3]]) harness.processElement(reading);
  harness.processElement('reset', undefined, { input: 2 });
  harness.processElement(['a', 4]);
  const out = harness.output.values;
  t.same(out.slice(0, 3), ['a=1 (a)', 'b=1 (b)', 'a=2 (a)']);
  t.same(out.slice(3, 5).sort(), ['reset a at 2', 'reset b at 1'], 'every key visited, in key-group order');
  t.same(out.slice(5), ['a=1 (a)'], 'the visited states were cleared');
  await harness.close();
});

const delays = new MapStateDescriptor<string, number>('delays');

/** Reminds each key of its last reading after the broadcast delay, in event time, and once in processing time. */
class Reminders extends KeyedBroadcastProcessFunction<string, [string, number], number, string> {
  processElement([, time]: [string, number], ctx: KeyedBroadcastReadOnlyContext<string>): void {
    const delay = ctx.getBroadcastState(delays).get('delay') ?? 0;
    this.getRuntimeContext().getState(count).update(time);
    ctx.timerService().registerEventTimeTimer(time + delay);
    ctx.timerService().registerProcessingTimeTimer(ctx.timerService().currentProcessingTime() + 5);
  }

  processBroadcastElement(delay: number, ctx: KeyedBroadcastContext): void {
    ctx.getBroadcastState(delays).put('delay', delay);
  }

  override onTimer(timestamp: number, ctx: KeyedBroadcastOnTimerContext<string>, out: Collector<string>): void {
    out.collect(`${ctx.getCurrentKey()} ${ctx.timeDomain()} ${timestamp}: last ${this.getRuntimeContext().getState(count).value()}`);
    // A timer set from onTimer fires too.
    if (ctx.timeDomain() === 'EVENT_TIME' && timestamp < 100) ctx.timerService().registerEventTimeTimer(timestamp + 100);
  }
}

t.test('KeyedBroadcastProcessFunction timers: set in processElement and in onTimer, fired with their key current', async (t) => {
  const harness = await OperatorTestHarness.forOperators<string>([new CoBroadcastWithKeyedOperator(new Reminders(), [delays])], {
    channels: [1, 1], keySelector: (reading: [string, number]) => reading[0], processingTime: 0,
  }).open();
  harness.processElement(10, undefined, { input: 2 });
  harness.processElement(['a', 1], 1, { input: 1 });
  harness.processElement(['b', 5], 5, { input: 1 });
  harness.processWatermark(20, { input: 1 });
  harness.processWatermark(20, { input: 2 });
  t.same(harness.output.emitted.filter((e) => 'record' in e), [
    { record: 'a EVENT_TIME 11: last 1', timestamp: 11 },
    { record: 'b EVENT_TIME 15: last 5', timestamp: 15 },
  ], 'event-time timers at the broadcast delay, stamped with their time');
  await harness.setProcessingTime(5);
  t.same(harness.output.values.slice(2).sort(), ['a PROCESSING_TIME 5: last 1', 'b PROCESSING_TIME 5: last 5'], 'each key\'s processing-time timer fires with its key');
  harness.processWatermark(200, { input: 1 });
  harness.processWatermark(200, { input: 2 });
  t.same(harness.output.values.slice(4), ['a EVENT_TIME 111: last 1', 'b EVENT_TIME 115: last 5'], 'the timers set in onTimer');
  await harness.close();
});

t.test('broadcast(descriptors) and connect(broadcastStream).process build a two-input operator fed by a broadcast edge', async (t) => {
  const env = StreamExecutionEnvironment.getExecutionEnvironment().setParallelism(2);
  const readings = env.fromElements<[string, number]>(['a', 1]);
  const ruleStream = env.fromElements<Rule>({ name: 'a', threshold: 0 }).broadcast(rules);
  t.same(ruleStream.getBroadcastStateDescriptors(), [rules]);
  readings.connect(ruleStream).process(new ThresholdAlerts()).print();
  readings.keyBy((r) => r[0]).connect(env.fromElements('reset').broadcast(rules)).process(new CountsWithReset()).print();
  const graph = env.getStreamGraph();
  const names = [...graph.nodes.values()].map((n) => n.name);
  t.ok(names.includes('Co-Process-Broadcast') && names.includes('Co-Process-Broadcast-Keyed'));
  const edges = graph.edges.map((e) => `${graph.node(e.sourceId).name}-${e.partitioner}->${graph.node(e.targetId).name}.${e.targetInput}`);
  t.ok(edges.some((e) => e.endsWith('-broadcast->Co-Process-Broadcast.2')), 'the rules reach input 2 by a broadcast edge');
  t.ok(edges.some((e) => e.endsWith('-hash->Co-Process-Broadcast-Keyed.1')), 'the keyed readings reach input 1 by key');
  t.ok(toJobGraph(graph).vertices.length > 0);
  t.throws(() => readings.connect(ruleStream).process({} as BroadcastProcessFunction<[string, number], Rule, string>), { message: /has no processElement or processBroadcastElement method/ });
});

/**
 * Alerts on readings above their sensor's threshold, whichever arrives first: a reading with no
 * rule yet waits in ListState, and the rule, when it comes, releases the waiting readings.
 */
class LateRuleAlerts extends KeyedBroadcastProcessFunction<string, [string, number], Rule, string> {
  private readonly waiting = new ListStateDescriptor<number>('waiting');

  processElement([sensor, reading]: [string, number], ctx: KeyedBroadcastReadOnlyContext<string>, out: Collector<string>): void {
    const threshold = ctx.getBroadcastState(rules).get(sensor);
    if (threshold === null) this.getRuntimeContext().getListState(this.waiting).add(reading);
    else if (reading > threshold) out.collect(`${sensor}:${reading}`);
  }

  processBroadcastElement(rule: Rule, ctx: KeyedBroadcastContext, out: Collector<string>): void {
    ctx.getBroadcastState(rules).put(rule.name, rule.threshold);
    ctx.applyToKeyedState<ListState<number>>(this.waiting, (sensor, waiting) => {
      if (sensor !== rule.name) return;
      for (const reading of waiting.get()) if (reading > rule.threshold) out.collect(`${sensor}:${reading}`);
      waiting.clear();
    });
  }
}

t.test('a keyed stream connected with a broadcast stream runs end to end through one chain', async (t) => {
  const env = StreamExecutionEnvironment.getExecutionEnvironment();
  const readings = env.fromElements<[string, number]>(['a', 5], ['b', 50], ['a', 20], ['b', 1], ['c', 99]);
  const ruleStream = env.fromElements<Rule>({ name: 'a', threshold: 10 }, { name: 'b', threshold: 10 }).broadcast(rules);
  const alerts = collectInto(readings.keyBy((r) => r[0]).connect(ruleStream).process(new LateRuleAlerts()));
  await runInMemory(env.getStreamGraph());
  t.same(alerts.sort(), ['a:20', 'b:50'], 'every reading above its rule, once, whatever came first');
});
