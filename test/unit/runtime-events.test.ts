import t from 'tap';
import { StreamFilter } from '../../lib/operators/filter-operator.ts';
import { StreamFlatMap } from '../../lib/operators/flat-map-operator.ts';
import { StreamMap } from '../../lib/operators/map-operator.ts';
import { AbstractStreamOperator } from '../../lib/operators/abstract-stream-operator.ts';
import { OutputTag } from '../../lib/functions/output-tag.ts';
import { StreamGraph, type StreamNode } from '../../lib/graph/stream-graph.ts';
import type { OneInputStreamOperator, StreamOperator, TwoInputStreamOperator } from '../../lib/operators/stream-operator.ts';
import type { StreamRecord } from '../../lib/operators/stream-record.ts';
import { MAX_WATERMARK } from '../../lib/operators/watermark.ts';
import { OperatorTestHarness } from './helpers/operator-test-harness.ts';

/** Forwards its records and counts them; its snapshot is the count. */
class Counter extends AbstractStreamOperator<string> implements OneInputStreamOperator<string, string> {
  count = 0;
  processElement(record: StreamRecord<string>): void {
    this.count++;
    this.output.collect(record);
  }
  override snapshotState(): number {
    return this.count;
  }
}

/** Merges its two inputs, tagging each record with the input it came from. */
class TaggingMerge extends AbstractStreamOperator<string> implements TwoInputStreamOperator<string, string, string> {
  processElement1(record: StreamRecord<string>): void {
    this.output.collect(record.replace(`1:${record.value}`, record.timestamp));
  }
  processElement2(record: StreamRecord<string>): void {
    this.output.collect(record.replace(`2:${record.value}`, record.timestamp));
  }
}

t.test('records keep their timestamps and watermarks their place through a chain', async (t) => {
  const harness = await OperatorTestHarness.forOperators([
    new StreamMap({ map: (s: string) => s.toUpperCase() }),
    new StreamFlatMap({ flatMap: (s: string, out) => { for (const c of s) out.collect(c); } }),
    new StreamFilter({ filter: (c: string) => c !== 'B' }),
  ]).open();
  harness.processElement('ab', 10);
  harness.processWatermark(10);
  harness.processElement('c');
  harness.processElement('d', 12);
  harness.processWatermarkStatus('idle');
  harness.processWatermarkStatus('active');
  harness.processWatermark(20);
  harness.endInput();
  await harness.finishAndClose();
  t.same(harness.output.emitted, [
    { record: 'A', timestamp: 10 },
    { watermark: 10 },
    { record: 'C' },
    { record: 'D', timestamp: 12 },
    { status: 'idle' },
    { status: 'active' },
    { watermark: 20 },
    { watermark: MAX_WATERMARK },
  ]);
});

t.test("an input's watermark is the minimum over its active channels, and only increases", async (t) => {
  const harness = await OperatorTestHarness.forOperators([new Counter()], { channels: [3] }).open();
  const at = (channel: number) => ({ channel });
  harness.processWatermark(10, at(0));
  harness.processWatermark(5, at(1));
  t.same(harness.output.watermarks, [], 'channel 2 has sent none yet');
  harness.processElement('x', 6, at(2));
  harness.processWatermark(7, at(2));
  t.same(harness.output.watermarks, [5]);
  harness.processWatermark(4, at(1));
  t.same(harness.output.watermarks, [5], 'a channel watermark going back changes nothing');
  harness.processWatermarkStatus('idle', at(1));
  t.same(harness.output.watermarks, [5, 7], 'the idle channel no longer holds the others back');
  harness.processWatermarkStatus('active', at(1));
  harness.processWatermark(6, at(1));
  harness.processWatermark(30, at(0));
  harness.processWatermark(30, at(2));
  t.same(harness.output.watermarks, [5, 7, 30], 'a channel back from idle counts again only once it caught up');
  harness.processWatermark(40, at(1));
  t.same(harness.output.watermarks, [5, 7, 30]);
  t.same(harness.output.emitted.filter((e) => 'status' in e), [], 'one channel idle does not make the input idle');
  await harness.finishAndClose();
});

t.test('all channels idle: the input goes idle, releasing the highest watermark; a record makes it active again', async (t) => {
  const harness = await OperatorTestHarness.forOperators([new Counter()], { channels: [2] }).open();
  harness.processWatermark(10, { channel: 0 });
  harness.processWatermark(15, { channel: 1 });
  harness.processWatermarkStatus('idle', { channel: 1 });
  harness.processWatermarkStatus('idle', { channel: 0 });
  harness.processWatermark(50, { channel: 0 });
  harness.processWatermarkStatus('active', { channel: 0 });
  harness.processElement('late', 12, { channel: 0 });
  t.same(harness.output.emitted, [
    { watermark: 10 },
    { watermark: 15 },
    { status: 'idle' },
    { status: 'active' },
    { record: 'late', timestamp: 12 },
  ], 'a watermark from an idle channel is ignored');
  await harness.finishAndClose();
});

t.test('the end of a channel ends its event time: the others alone decide, and all ended gives the final watermark', async (t) => {
  const harness = await OperatorTestHarness.forOperators([new Counter()], { channels: [2] }).open();
  harness.processWatermark(8, { channel: 0 });
  harness.processWatermark(3, { channel: 1 });
  harness.endInput({ channel: 1 });
  harness.processWatermark(9, { channel: 0 });
  harness.endInput({ channel: 0 });
  t.same(harness.output.watermarks, [3, 8, 9, MAX_WATERMARK]);
  await harness.finishAndClose();
});

t.test('a two-input operator forwards the minimum of its inputs, excluding an idle input', async (t) => {
  const harness = await OperatorTestHarness.forOperators([new TaggingMerge()], { channels: [1, 1] }).open();
  harness.processElement('a', 1, { input: 1 });
  harness.processElement('b', 2, { input: 2 });
  harness.processWatermark(10, { input: 1 });
  harness.processWatermark(4, { input: 2 });
  harness.processWatermark(12, { input: 2 });
  harness.processWatermarkStatus('idle', { input: 1 });
  harness.processWatermark(20, { input: 2 });
  harness.processWatermarkStatus('idle', { input: 2 });
  t.same(harness.output.emitted, [
    { record: '1:a', timestamp: 1 },
    { record: '2:b', timestamp: 2 },
    { watermark: 4 },
    { watermark: 10 },
    { watermark: 12 },
    { watermark: 20 },
    { status: 'idle' },
  ]);
  await harness.finishAndClose();
});

t.test('barrier alignment: a channel is held from its barrier until all arrived; the snapshot counts exactly the records before', async (t) => {
  const counter = new Counter();
  const harness = await OperatorTestHarness.forOperators<string>([counter], { channels: [2] }).open();
  harness.processElement('a', undefined, { channel: 0 });
  harness.processBarrier(1, { channel: 0 });
  t.same([...harness.blockedChannels], [0]);
  t.throws(() => harness.processElement('after barrier', undefined, { channel: 0 }), /channel 0 of input 1 is blocked by checkpoint alignment/);
  harness.processElement('b', undefined, { channel: 1 });
  harness.processElement('c', undefined, { channel: 1 });
  t.same(harness.checkpoints, [], 'not taken before barrier 1 came on every channel');
  harness.processBarrier(1, { channel: 1 });
  t.same(harness.checkpoints, [{ checkpointId: 1, snapshots: new Map([['op-1', 3]]) }]);
  t.same([...harness.blockedChannels], [], 'every channel is read again');
  harness.processElement('after barrier', undefined, { channel: 0 });
  t.same(harness.output.emitted, [
    { record: 'a' }, { record: 'b' }, { record: 'c' },
    { event: { type: 'barrier', checkpointId: 1, timestamp: 0 } },
    { record: 'after barrier' },
  ], 'the barrier goes downstream after exactly the records the snapshot counts');
  await harness.finishAndClose();
});

t.test('at-least-once: no channel is held; the checkpoint is taken once the barrier came on every channel, counting what came after it on the others', async (t) => {
  const counter = new Counter();
  const harness = await OperatorTestHarness.forOperators<string>([counter], { channels: [2], checkpointingMode: 'AT_LEAST_ONCE' }).open();
  harness.processElement('a', undefined, { channel: 0 });
  harness.processBarrier(1, { channel: 0 });
  t.same([...harness.blockedChannels], [], 'the channel stays open');
  harness.processElement('after barrier', undefined, { channel: 0 });
  harness.processElement('b', undefined, { channel: 1 });
  t.same(harness.checkpoints, [], 'not taken before barrier 1 came on every channel');
  harness.processBarrier(1, { channel: 1 });
  t.same(harness.checkpoints, [{ checkpointId: 1, snapshots: new Map([['op-1', 3]]) }], 'the record after the barrier on channel 0 is in the snapshot (it will be replayed too)');
  await harness.finishAndClose();
});

t.test('at-least-once: a savepoint aligns all the same, and its barrier goes downstream with its type', async (t) => {
  const harness = await OperatorTestHarness.forOperators<string>([new Counter()], { channels: [2], checkpointingMode: 'AT_LEAST_ONCE' }).open();
  harness.processElement('a', undefined, { channel: 0 });
  harness.processBarrier(1, { channel: 0 }, 'SAVEPOINT');
  t.same([...harness.blockedChannels], [0], 'the channel is held');
  harness.processElement('b', undefined, { channel: 1 });
  harness.processBarrier(1, { channel: 1 }, 'SAVEPOINT');
  t.same(harness.checkpoints, [{ checkpointId: 1, snapshots: new Map([['op-1', 2]]) }], 'exactly the records before the barrier');
  t.same([...harness.blockedChannels], []);
  t.same(harness.output.emitted.filter((e) => 'event' in e).map((e) => 'event' in e && e.event), [{ type: 'barrier', checkpointId: 1, timestamp: 0, checkpointType: 'SAVEPOINT' }]);
  await harness.finishAndClose();
});

t.test('a newer barrier or a cancel marker aborts an alignment; an ended channel no longer counts', async (t) => {
  const harness = await OperatorTestHarness.forOperators<string>([new Counter()], { channels: [3] }).open();
  harness.processBarrier(1, { channel: 0 });
  harness.processBarrier(2, { channel: 1 });
  t.same(harness.abortedCheckpoints, [1]);
  t.same([...harness.blockedChannels], [1], 'only the channel of barrier 2 is held');
  harness.processBarrier(1, { channel: 2 });
  harness.processCancellation(2, { channel: 2 });
  t.same(harness.abortedCheckpoints, [1, 2]);
  t.same([...harness.blockedChannels], []);
  harness.processBarrier(3, { channel: 0 });
  harness.processBarrier(3, { channel: 1 });
  harness.endInput({ channel: 2 });
  t.same(harness.checkpoints.map((c) => c.checkpointId), [3], 'the end of the last missing channel completes the alignment');
  t.same(harness.output.emitted.filter((e) => 'event' in e).map((e) => 'event' in e && e.event), [
    { type: 'cancel-checkpoint', checkpointId: 1 },
    { type: 'cancel-checkpoint', checkpointId: 2 },
    { type: 'barrier', checkpointId: 3, timestamp: 0 },
  ]);
  await harness.finishAndClose();
});

t.test('a keyed operator gets the key of each record set before it processes the record', async (t) => {
  class KeyEcho extends AbstractStreamOperator<string> implements OneInputStreamOperator<[string, number], string> {
    processElement(record: StreamRecord<[string, number]>): void {
      this.output.collect(record.replace(`${String(this.getCurrentKey())}=${record.value[1]}`));
    }
  }
  const harness = await OperatorTestHarness.forOperators<string>([new KeyEcho()], { keySelector: (pair: [string, number]) => pair[0] }).open();
  harness.processElement(['a', 1]);
  harness.processElement(['b', 2]);
  harness.processElement(['a', 3]);
  t.same(harness.output.values, ['a=1', 'b=2', 'a=3']);
  await harness.finishAndClose();
  const unkeyed = await OperatorTestHarness.forOperators<string>([new KeyEcho()]).open();
  t.throws(() => unkeyed.processElement(['a', 1]), /KeyEcho: there is no current key outside a keyed stream/);
});

t.test('side outputs reach only the edges of their OutputTag; watermarks reach every edge', async (t) => {
  const odd = new OutputTag<number>('odd');
  /** Even numbers to the main output, odd ones to the side output "odd". */
  class Split extends AbstractStreamOperator<number> implements OneInputStreamOperator<number, number> {
    processElement(record: StreamRecord<number>): void {
      if (record.value % 2 === 0) this.output.collect(record);
      else this.output.collectSide(odd, record);
    }
  }
  const node = (id: string, createOperator: () => StreamOperator<unknown>): StreamNode =>
    ({ id, name: id, parallelism: 1, maxParallelism: 128, isSource: false, chainingStrategy: 'always', slotSharingGroup: 'default', createOperator });
  const graph = new StreamGraph({
    jobName: 'side outputs',
    nodes: new Map([
      ['split', node('split', () => new Split())],
      ['evens', node('evens', () => new StreamMap({ map: (n: number) => `even ${n}` }))],
      ['odds', node('odds', () => new StreamMap({ map: (n: number) => `odd ${n}` }))],
      ['out', node('out', () => { throw new Error('not part of the chain'); })],
    ]),
    edges: [
      { sourceId: 'split', targetId: 'evens', partitioner: 'forward', targetInput: 1 },
      { sourceId: 'split', targetId: 'odds', partitioner: 'forward', targetInput: 1, outputTag: odd.id },
      { sourceId: 'evens', targetId: 'out', partitioner: 'forward', targetInput: 1 },
      { sourceId: 'odds', targetId: 'out', partitioner: 'forward', targetInput: 1 },
    ],
    bufferTimeoutMs: 0,
    chainingEnabled: true,
  });
  const harness = await new OperatorTestHarness(graph, { operatorIds: ['split', 'evens', 'odds'], channels: [1] }).open();
  for (const n of [1, 2, 3]) harness.processElement(n, n * 10);
  harness.processWatermark(30);
  t.same(harness.output.emitted, [
    { record: 'odd 1', timestamp: 10 },
    { record: 'even 2', timestamp: 20 },
    { record: 'odd 3', timestamp: 30 },
    { watermark: 30 },
    { watermark: 30 },
  ]);
  await harness.finishAndClose();
});
