import t from 'tap';
import { RichMapFunction, StreamExecutionEnvironment, ValueStateDescriptor } from '../../lib/api/index.ts';
import { assignToKeyGroup } from '../../lib/exchange/key-groups.ts';
import { AbstractStreamOperator } from '../../lib/operators/abstract-stream-operator.ts';
import { StreamGroupedReduce } from '../../lib/operators/keyed-reduce-operator.ts';
import type { OneInputStreamOperator, OperatorContext, Output } from '../../lib/operators/stream-operator.ts';
import { StreamRecord } from '../../lib/operators/stream-record.ts';
import type { InternalTimer, InternalTimerService, Triggerable } from '../../lib/time/index.ts';
import { OperatorTestHarness } from './helpers/operator-test-harness.ts';
import { collectInto, runInMemory } from './helpers/run-in-memory.ts';

class CountPerKey extends RichMapFunction<[string, number], string> {
  map([word]: [string, number]): string {
    const count = this.getRuntimeContext().getState(new ValueStateDescriptor<number>('count', 0));
    count.update((count.value() ?? 0) + 1);
    return `${word}:${count.value()}`;
  }
}

t.test('a rich function after keyBy keeps per-key ValueState; the runtime sets the key before each record', async (t) => {
  const env = StreamExecutionEnvironment.getExecutionEnvironment();
  const words = env.fromElements<[string, number]>(['a', 1], ['b', 1], ['a', 2], ['a', 1], ['b', 2]);
  const byWord = collectInto(words.keyBy((pair) => pair[0]).map(new CountPerKey()));
  const byPair = collectInto(words.keyBy((pair) => pair).map(new CountPerKey()));
  await runInMemory(env.getStreamGraph());
  t.same(byWord, ['a:1', 'b:1', 'a:2', 'a:3', 'b:2']);
  t.same(byPair, ['a:1', 'b:1', 'a:1', 'a:2', 'b:1'], 'tuple keys are compared by value');
});

t.test('getState outside a keyed stream fails with Flink\'s message, naming the operator', async (t) => {
  const env = StreamExecutionEnvironment.getExecutionEnvironment();
  env.fromElements<[string, number]>(['a', 1]).map(new CountPerKey()).name('Counter');
  await t.rejects(runInMemory(env.getStreamGraph()), {
    message: 'Keyed state can only be used on a \'keyed stream\', i.e., after a \'keyBy()\' operation: state "count" requested by operator "Counter" of task "Counter (1/1)"',
  });
  const chained = StreamExecutionEnvironment.getExecutionEnvironment();
  chained.fromElements<[string, number]>(['a', 1]).keyBy((pair) => pair[0]).sum(1).map(new CountPerKey()).name('After reduce');
  await t.rejects(runInMemory(chained.getStreamGraph()), { message: /requested by operator "After reduce"/ }, 'an operator chained after a keyed one is not keyed');
});

t.test('rolling reduce keeps its value in the keyed state backend, where a key group snapshot finds it', async (t) => {
  const reduce = new StreamGroupedReduce<[string, number]>({ reduce: (a, b) => [a[0], a[1] + b[1]] });
  const harness = await OperatorTestHarness.forOperators<[string, number]>([reduce], { keySelector: (pair: [string, number]) => pair[0], subtaskIndex: 1, parallelism: 2 }).open();
  const backend = harness.keyedStateBackends.get('op-1')!;
  const { startKeyGroup, endKeyGroup } = backend.getKeyGroupRange();
  const words = Array.from({ length: 50 }, (_, i) => `w${i}`).filter((word) => {
    const keyGroup = assignToKeyGroup(word, 128);
    return keyGroup >= startKeyGroup && keyGroup <= endKeyGroup;
  });
  t.ok(words.length > 10, 'about half the words belong to subtask 2 of 2');
  for (const word of [...words, words[0]!]) harness.processElement([word, 2], 7);
  t.same(harness.output.emitted.at(-1), { record: [words[0], 4], timestamp: 7 }, 'the second record of a key is reduced with its state');
  backend.setCurrentKey(words[0]!);
  const snapshot = (await backend.snapshot()).find((taken) => taken.keyGroup === backend.getCurrentKeyGroupIndex())!;
  t.same(snapshot.states.map((s) => [s.name, s.type]), [['_op_state', 'value']], 'Flink\'s state name for the reduced value');
  t.ok(snapshot.states[0]!.entries.some(([key, , value]) => key === words[0] && (value as [string, number])[1] === 4));
  await harness.finishAndClose();
});

/** A keyed operator that emits "key@time" from its timers: an event-time timer at the record's `at`, a processing-time timer 5 ms after open. */
class EmitOnTimer extends AbstractStreamOperator<string> implements OneInputStreamOperator<{ key: string; at: number }, string>, Triggerable<unknown, null> {
  private timers!: InternalTimerService<null>;
  private processingTimerAt!: number;

  override open(context: OperatorContext, output: Output<string>): void {
    super.open(context, output);
    this.timers = this.getInternalTimerService('user-timers', this);
    this.processingTimerAt = this.timers.currentProcessingTime() + 5;
  }

  processElement(record: StreamRecord<{ key: string; at: number }>): void {
    this.timers.registerEventTimeTimer(null, record.value.at);
    this.timers.registerProcessingTimeTimer(null, this.processingTimerAt);
  }

  onEventTime(timer: InternalTimer<unknown, null>): void {
    this.output.collect(new StreamRecord(`${String(this.getCurrentKey())}@${timer.timestamp}`));
  }

  onProcessingTime(timer: InternalTimer<unknown, null>): void {
    this.output.collect(new StreamRecord(`${String(this.getCurrentKey())}@processing`));
    if (timer.key === 'b') this.processingDone();
  }

  processingDone = (): void => {};
}

t.test('a keyed operator\'s timers fire with their key current: event time as the watermark passes, before it goes on; processing time from the clock', async (t) => {
  const operator = new EmitOnTimer();
  const harness = await OperatorTestHarness.forOperators<string>([operator], { keySelector: (value: { key: string }) => value.key }).open();
  const { output } = harness;
  const processingFired = new Promise<void>((resolve) => { operator.processingDone = resolve; });
  for (const [key, at] of [['a', 20], ['b', 10], ['a', 10]] as const) harness.processElement({ key, at });
  harness.processWatermark(15);
  t.same(output.emitted, [{ record: 'b@10' }, { record: 'a@10' }, { watermark: 15 }], 'timers at or before the watermark fire, then the watermark goes downstream');
  await processingFired;
  t.same(output.values.slice(2), ['a@processing', 'b@processing'], 'one processing-time timer per key (deduplicated), in order of registration');
  harness.processWatermark(Number.POSITIVE_INFINITY);
  t.same(output.emitted.slice(-2), [{ record: 'a@20' }, { watermark: Number.POSITIVE_INFINITY }]);
  await harness.finishAndClose();
});
