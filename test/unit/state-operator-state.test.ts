import t from 'tap';
import { pack, unpack } from 'msgpackr';
import {
  ListStateDescriptor,
  MapStateDescriptor,
  RichFlatMapFunction,
  RichParallelSourceFunction,
  RichSinkFunction,
  type CheckpointedFunction,
  type Collector,
  type FunctionInitializationContext,
  type ListState,
  type SourceContext,
} from '../../lib/api/index.ts';
import type { Output } from '../../lib/operators/stream-operator.ts';
import { StreamSource } from '../../lib/operators/source-operator.ts';
import { StreamSourceContext } from '../../lib/operators/stream-source-context.ts';
import { StreamFlatMap } from '../../lib/operators/flat-map-operator.ts';
import { StreamSink } from '../../lib/operators/sink-operator.ts';
import { DefaultOperatorStateBackend, repartitionOperatorState, type OperatorStateSnapshot } from '../../lib/state/index.ts';
import { OperatorTestHarness } from './helpers/operator-test-harness.ts';

const split = (name: string, ...entries: unknown[][]): (OperatorStateSnapshot | undefined)[] =>
  entries.map((e) => ({ operatorStates: [{ name, mode: 'SPLIT_DISTRIBUTE', entries: e }] }));

t.test('list state is split evenly in subtask order at a new parallelism, kept in place at the same one', async (t) => {
  const previous = split('offsets', [1, 2, 3], [4], [5, 6, 7]);
  t.same(repartitionOperatorState(previous, 2).map((s) => s.operatorStates[0]!.entries), [[1, 2, 3, 4], [5, 6, 7]]);
  t.same(repartitionOperatorState(previous, 4).map((s) => s.operatorStates[0]!.entries), [[1, 2], [3, 4], [5, 6], [7]]);
  t.same(repartitionOperatorState(split('offsets', [1], [2, 3]), 2).map((s) => s.operatorStates[0]!.entries), [[1], [2, 3]], 'unchanged parallelism: each keeps its own');
  t.same(repartitionOperatorState([...split('offsets', [1, 2]), undefined], 1).map((s) => s.operatorStates[0]!.entries), [[1, 2]], 'a subtask without a snapshot adds nothing');
});

t.test('union list state goes whole to every subtask; broadcast state is copied', async (t) => {
  const previous: OperatorStateSnapshot[] = [
    { operatorStates: [{ name: 'seen', mode: 'UNION', entries: ['a'] }, { name: 'rules', mode: 'BROADCAST', entries: [['r', 1]] }] },
    { operatorStates: [{ name: 'seen', mode: 'UNION', entries: ['b', 'c'] }, { name: 'rules', mode: 'BROADCAST', entries: [['r', 1]] }] },
  ];
  const after = repartitionOperatorState(previous, 3);
  for (const [i, snapshot] of after.entries()) {
    t.same(snapshot.operatorStates, [{ name: 'seen', mode: 'UNION', entries: ['a', 'b', 'c'] }, { name: 'rules', mode: 'BROADCAST', entries: [['r', 1]] }], `subtask ${i}`);
  }
  t.throws(() => repartitionOperatorState([previous[0]!, { operatorStates: [{ name: 'seen', mode: 'SPLIT_DISTRIBUTE', entries: [] }] }], 2),
    { message: 'operator state "seen": subtask 1 snapshotted it as SPLIT_DISTRIBUTE, another subtask as UNION' });
  t.throws(() => repartitionOperatorState(previous, 0), { message: 'operator state: cannot repartition to parallelism 0' });
});

t.test('the operator state backend keeps restored states it is not asked for, and refuses a name under another mode', async (t) => {
  const backend = new DefaultOperatorStateBackend('"Source" (1/1)', { operatorStates: [{ name: 'old', mode: 'UNION', entries: [1] }] });
  backend.getListState(new ListStateDescriptor<number>('offsets')).addAll([7, 8]);
  backend.getBroadcastState(new MapStateDescriptor<string, number>('rules')).put('r', 1);
  t.same(unpack(pack(backend.snapshot())), { operatorStates: [
    { name: 'old', mode: 'UNION', entries: [1] },
    { name: 'offsets', mode: 'SPLIT_DISTRIBUTE', entries: [7, 8] },
    { name: 'rules', mode: 'BROADCAST', entries: [['r', 1]] },
  ] });
  t.throws(() => backend.getUnionListState(new ListStateDescriptor('offsets')), { message: 'operator state "offsets" of "Source" (1/1) is registered as list state, requested as union list state' });
  t.throws(() => backend.getListState(new ListStateDescriptor('old')), { message: 'operator state "old" of "Source" (1/1) was snapshotted as union list state, requested as list state' });
  t.throws(() => backend.getListState(new ListStateDescriptor<number | null>('offsets')).add(null), { message: 'operator state "offsets" of "Source" (1/1): you cannot add null to a ListState' });
});

/** Flink's buffering sink: holds elements until a checkpoint, keeps them in operator list state. */
class BufferingSink extends RichSinkFunction<string> implements CheckpointedFunction {
  buffer: string[] = [];
  restored?: boolean;
  private state?: ListState<string>;

  invoke(value: string): void {
    this.buffer.push(value);
  }

  snapshotState(): void {
    this.state!.update(this.buffer);
  }

  initializeState(context: FunctionInitializationContext): void {
    this.state = context.getOperatorStateStore().getListState(new ListStateDescriptor<string>('buffered-elements'));
    this.restored = context.isRestored();
    this.buffer = [...this.state.get()];
  }
}

/** Counts records per subtask; every subtask learns the total seen before a restore through union state. */
class CountingFlatMap extends RichFlatMapFunction<string, number> implements CheckpointedFunction {
  count = 0;
  restoredTotal = 0;
  private counts?: ListState<number>;

  flatMap(_value: string, out: Collector<number>): void {
    out.collect(++this.count);
  }

  snapshotState(): void {
    this.counts!.update([this.count]);
  }

  initializeState(context: FunctionInitializationContext): void {
    this.counts = context.getOperatorStateStore().getUnionListState(new ListStateDescriptor<number>('counts'));
    for (const n of this.counts.get()) this.restoredTotal += n;
  }
}

t.test('a CheckpointedFunction snapshots through the operator and is restored at another parallelism', async (t) => {
  const sinks = [new BufferingSink(), new BufferingSink()];
  const snapshots: (OperatorStateSnapshot | undefined)[] = [];
  for (const [i, sink] of sinks.entries()) {
    const harness = await OperatorTestHarness.forOperators([new StreamSink(sink)], { subtaskIndex: i, parallelism: 2 }).open();
    t.equal(sink.restored, false, 'a fresh start is not restored');
    for (const value of i === 0 ? ['a', 'b', 'c'] : ['d']) harness.processElement(value);
    harness.processBarrier(1);
    snapshots.push(unpack(pack(harness.checkpoints[0]!.snapshots.get('op-1'))) as OperatorStateSnapshot);
    await harness.close();
  }
  const restoredSinks = [new BufferingSink(), new BufferingSink(), new BufferingSink()];
  const parts = repartitionOperatorState(snapshots, 3);
  for (const [i, sink] of restoredSinks.entries()) {
    const harness = await OperatorTestHarness.forOperators([new StreamSink(sink)], { subtaskIndex: i, parallelism: 3, restoredState: new Map([['op-1', parts[i]]]) }).open();
    t.equal(sink.restored, true);
    await harness.close();
  }
  t.same(restoredSinks.map((sink) => sink.buffer), [['a', 'b'], ['c'], ['d']], 'the buffers are split evenly over the new subtasks');
});

t.test('union list state gives every restored subtask all subtasks\' entries', async (t) => {
  const snapshots: OperatorStateSnapshot[] = [];
  for (const [i, records] of [['a', 'b'], ['c']].entries()) {
    const harness = await OperatorTestHarness.forOperators([new StreamFlatMap(new CountingFlatMap())], { subtaskIndex: i, parallelism: 2 }).open();
    for (const record of records) harness.processElement(record);
    snapshots.push(harness.snapshot(1).get('op-1') as OperatorStateSnapshot);
    await harness.close();
  }
  const restored = new CountingFlatMap();
  const harness = await OperatorTestHarness.forOperators([new StreamFlatMap(restored)], { restoredState: new Map([['op-1', repartitionOperatorState(snapshots, 1)[0]]]) }).open();
  t.equal(restored.restoredTotal, 3);
  await harness.close();
  const plain = await OperatorTestHarness.forOperators([new StreamFlatMap<string, string>({ flatMap: (value, out) => out.collect(value) })]).open();
  t.same(plain.snapshot(1).get('op-1'), undefined, 'a function without operator state gives its operator no snapshot');
  await plain.close();
});

interface PartitionOffset {
  partition: number;
  offset: number;
}

/** A source over 4 partitions of 5 records each, keeping each partition's offset in operator list state, as a Kafka source does. */
class PartitionedSource extends RichParallelSourceFunction<string> implements CheckpointedFunction {
  offsets: PartitionOffset[] = [];
  private state?: ListState<PartitionOffset>;
  private running = true;

  initializeState(context: FunctionInitializationContext): void {
    this.state = context.getOperatorStateStore().getListState(new ListStateDescriptor<PartitionOffset>('partition-offsets'));
    this.offsets = context.isRestored() ? [...this.state.get()] : [0, 1, 2, 3].map((partition) => ({ partition, offset: 0 }));
  }

  snapshotState(): void {
    this.state!.update(this.offsets.map((o) => ({ ...o })));
  }

  async run(ctx: SourceContext<string>): Promise<void> {
    for (const position of this.offsets) {
      while (this.running && position.offset < 5) {
        const record = `p${position.partition}-${position.offset}`;
        position.offset++;
        await ctx.collect(record);
      }
    }
  }

  cancel(): void {
    this.running = false;
  }
}

t.test('a source keeps its partitions\' offsets in list state; a restore at parallelism 2 splits the partitions', async (t) => {
  const source = new PartitionedSource();
  const harness = await OperatorTestHarness.forOperators<string>([new StreamSource(source)]).open();
  let snapshot: OperatorStateSnapshot | undefined;
  await (harness.chain.operator('op-1') as StreamSource<string>).run(new StreamSourceContext(harness.chain.outputOf('op-1') as Output<string>, () => {
    if (harness.output.values.length === 7) {
      snapshot = unpack(pack(harness.snapshot(1).get('op-1'))) as OperatorStateSnapshot;
      source.cancel();
    }
    return undefined;
  }));
  await harness.close();
  t.same(harness.output.values, ['p0-0', 'p0-1', 'p0-2', 'p0-3', 'p0-4', 'p1-0', 'p1-1']);
  const parts = repartitionOperatorState([snapshot], 2);
  const resumed: string[][] = [];
  for (const [i, part] of parts.entries()) {
    const restored = new PartitionedSource();
    const restoredHarness = await OperatorTestHarness.forOperators<string>([new StreamSource(restored)], { subtaskIndex: i, parallelism: 2, restoredState: new Map([['op-1', part]]) }).open();
    await restoredHarness.runSources();
    await restoredHarness.finishAndClose();
    resumed.push(restoredHarness.output.values);
  }
  t.same(resumed[0], ['p1-2', 'p1-3', 'p1-4'], 'subtask 0 gets partitions 0 (done) and 1, from their offsets');
  t.same(resumed[1], ['p2-0', 'p2-1', 'p2-2', 'p2-3', 'p2-4', 'p3-0', 'p3-1', 'p3-2', 'p3-3', 'p3-4'], 'subtask 1 gets partitions 2 and 3');
});
