// Real StreamTasks at parallelism 2 exchanging over a real nats-server: events keep their
// place among records across the exchange, watermarks follow the minimum over channels
// with idle channels excluded, checkpoints taken while sources emit are consistent, and a
// keyed consumer's state and timers work across the exchange.
import t from 'tap';
import { connect } from 'nats';
import { startNatsServer } from '../../lib/nats/nats-server.ts';
import type { SourceContext } from '../../lib/functions/functions.ts';
import { toJobGraph } from '../../lib/graph/job-graph-builder.ts';
import { StreamGraph, type StreamNode } from '../../lib/graph/stream-graph.ts';
import type { PartitionerType } from '../../lib/exchange/partitioner.ts';
import { AbstractStreamOperator } from '../../lib/operators/abstract-stream-operator.ts';
import type { OneInputStreamOperator, OperatorContext, Output, SourceOperator, StreamOperator } from '../../lib/operators/stream-operator.ts';
import type { StreamRecord } from '../../lib/operators/stream-record.ts';
import { MAX_WATERMARK } from '../../lib/operators/watermark.ts';
import { assignToKeyGroup, computeOperatorIndexForKeyGroup } from '../../lib/exchange/key-groups.ts';
import { ValueStateDescriptor } from '../../lib/state/value-state-descriptor.ts';
import type { ValueState } from '../../lib/state/value-state.ts';
import { VoidNamespace } from '../../lib/state/void-namespace.ts';
import type { InternalTimer, InternalTimerService, Triggerable } from '../../lib/time/index.ts';
import { StreamTask, type CheckpointListener } from '../../lib/runtime/stream-task.ts';
import { ChannelTransport } from '../../lib/exchange/channel-transport.ts';

const server = await startNatsServer();
const nc = await connect({ servers: server.url });
t.teardown(async () => {
  await nc.close();
  await server.stop();
});

let jobCount = 0;

/** Runs source -> consumer, both at parallelism 2, as four StreamTasks; resolves with the tasks once started. */
async function startJob(createSource: () => SourceOperator<unknown>, createConsumer: () => StreamOperator<unknown>, partitioner: PartitionerType, listener?: (subtask: string) => CheckpointListener) {
  const node = (id: string, isSource: boolean, createOperator: () => StreamOperator<unknown>): StreamNode =>
    ({ id, name: id, parallelism: 2, maxParallelism: 128, isSource, chainingStrategy: isSource ? 'head' : 'always', slotSharingGroup: 'default', createOperator });
  // A hash edge keys its consumer by the same selector, as the StreamGraphGenerator does.
  const keyed = partitioner === 'hash' ? { keySelector: (n: number) => n % 7 } : {};
  const streamGraph = new StreamGraph({
    jobName: 'stream-task test',
    nodes: new Map([['source', node('source', true, createSource)], ['consumer', { ...node('consumer', false, createConsumer), stateKeySelector1: keyed.keySelector }]]),
    edges: [{ sourceId: 'source', targetId: 'consumer', partitioner, targetInput: 1, ...keyed }],
    bufferTimeoutMs: 5,
    chainingEnabled: true,
  });
  const jobGraph = toJobGraph(streamGraph);
  const jobId = `job${jobCount++}`;
  const attemptNumbers = Object.fromEntries(jobGraph.vertices.map((vertex) => [vertex.id, [0, 0]]));
  const tasks = jobGraph.vertices.flatMap((vertex) => [0, 1].map((subtaskIndex) => new StreamTask({
    // A transport each: these channels go through the server, as between threads.
    transport: new ChannelTransport(nc), namespace: 'test', jobId, jobGraph, streamGraph, vertex, subtaskIndex, attemptNumber: 0, attemptNumbers, jobCwd: process.cwd(),
    checkpointListener: listener?.(`${vertex.id}/${subtaskIndex}`),
  })));
  await Promise.all(tasks.map((task) => task.prepare()));
  const finished = Promise.all(tasks.map((task) => task.run()));
  t.teardown(() => Promise.all(tasks.map((task) => task.cancel())));
  return { tasks, finished };
}

async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 1));
}

/**
 * A source emitting 0..total-1 by the SourceContext rule (collect and advance in one step,
 * then wait), its position its snapshot; each subtask's instance is put in `sources`, and
 * `pace` runs after each record.
 */
function countingSource(total: number, sources: Array<{ offset: number }>, pace: (offset: number) => Promise<unknown> | undefined | void) {
  return class CountingSource extends AbstractStreamOperator<number> implements SourceOperator<number> {
    offset = 0;
    async run(ctx: SourceContext<number>): Promise<void> {
      sources[this.context.runtimeContext.getIndexOfThisSubtask()] = this;
      while (this.offset < total) {
        const pending = ctx.collect(this.offset);
        this.offset++;
        if (pending) await pending;
        const paced = pace(this.offset);
        if (paced) await paced;
      }
    }
    override snapshotState(): number {
      return this.offset;
    }
    cancel(): void {}
  };
}

type Seen = { record: number; timestamp?: number } | { watermark: number } | { status: string };

/** Records, in order, the records and watermarks each consumer subtask sees. */
class Recorder extends AbstractStreamOperator<never> implements OneInputStreamOperator<number, never> {
  static readonly seen: Seen[][] = [[], []];
  private log!: Seen[];
  override open(context: OperatorContext, output: Output<never>): void {
    super.open(context, output);
    this.log = Recorder.seen[context.runtimeContext.getIndexOfThisSubtask()]!;
  }
  processElement(record: StreamRecord<number>): void {
    this.log.push({ record: record.value, timestamp: record.timestamp });
  }
  override processWatermark(timestamp: number): void {
    this.log.push({ watermark: timestamp });
  }
  override processWatermarkStatus(status: string): void {
    this.log.push({ status });
  }
}

t.test('watermarks cross the exchange in order with the records, as the minimum over the active channels', async (t) => {
  let releaseIdleSource!: () => void;
  const idleSourceMayEnd = new Promise<void>((resolve) => (releaseIdleSource = resolve));
  /** Subtask 0 emits timestamps 0..199, subtask 1 only 0..49 and then goes idle until released. */
  class TimedSource extends AbstractStreamOperator<number> implements SourceOperator<number> {
    async run(ctx: SourceContext<number>): Promise<void> {
      const subtask = this.context.runtimeContext.getIndexOfThisSubtask();
      const last = subtask === 0 ? 199 : 49;
      for (let ts = 0; ts <= last; ts++) {
        const pending = ctx.collectWithTimestamp(subtask * 1000 + ts, ts);
        if (ts % 10 === 9) ctx.emitWatermark(ts);
        if (pending) await pending;
        if (ts % 10 === 9) await new Promise((resolve) => setImmediate(resolve));
      }
      if (subtask === 1) {
        ctx.markAsTemporarilyIdle();
        await idleSourceMayEnd;
      }
    }
    cancel(): void {}
  }
  const { finished } = await startJob(() => new TimedSource(), () => new Recorder(), 'rebalance');
  await until(() => Recorder.seen.every((log) => log.some((e) => 'watermark' in e && e.watermark === 199)));
  releaseIdleSource();
  await finished;
  Recorder.seen.forEach((log, subtask) => {
    const watermarks = log.flatMap((e) => ('watermark' in e ? [e.watermark] : []));
    t.same(watermarks.slice(0, 5), [9, 19, 29, 39, 49], `consumer ${subtask}: held at the slower channel's watermark while both are active`);
    t.ok(watermarks.every((w, i) => i === 0 || w > watermarks[i - 1]!), `consumer ${subtask}: watermarks only increase`);
    t.same(watermarks.slice(-2), [199, MAX_WATERMARK], `consumer ${subtask}: the idle channel no longer held it back; the end brought the final watermark`);
    let watermark = -Infinity;
    const late = log.filter((e) => {
      if ('watermark' in e) watermark = e.watermark;
      return 'record' in e && e.timestamp! <= watermark;
    });
    t.same(late, [], `consumer ${subtask}: no record arrived after a watermark covering it`);
    const records = log.flatMap((e) => ('record' in e ? [e] : []));
    t.equal(records.length, 125, `consumer ${subtask}: half of the 250 records`);
    t.ok(records.every((e) => e.timestamp === e.record % 1000), `consumer ${subtask}: every record kept its timestamp across the exchange`);
  });
});

t.test('checkpoints taken while the sources emit see exactly the records emitted before their barriers', async (t) => {
  const total = 20_000;
  const sources: Array<{ offset: number }> = [];
  const CountingSource = countingSource(total, sources, (offset) => (offset % 100 === 0 ? new Promise((resolve) => setImmediate(resolve)) : undefined));
  class Counter extends AbstractStreamOperator<never> implements OneInputStreamOperator<number, never> {
    count = 0;
    processElement(): void {
      this.count++;
    }
    override snapshotState(): number {
      return this.count;
    }
  }
  const snapshots = new Map<number, Map<string, unknown>>();
  const { tasks, finished } = await startJob(() => new CountingSource(), () => new Counter(), 'hash', (subtask) => ({
    onCheckpoint: (checkpointId, taken) => {
      const byTask = snapshots.get(checkpointId) ?? new Map<string, unknown>();
      for (const [operator, state] of taken) byTask.set(`${subtask} ${operator}`, state);
      snapshots.set(checkpointId, byTask);
    },
  }));
  const sourceTasks = tasks.filter((task) => task.description.startsWith('source '));
  const emitted = () => sources.reduce((sum, s) => sum + s.offset, 0);
  for (let checkpointId = 1; checkpointId <= 5; checkpointId++) {
    await until(() => sources.filter(Boolean).length === 2 && emitted() >= checkpointId * 6_000);
    if (sources.some((s) => s.offset === total)) break;
    // Barriers leave the two sources at different points, so a consumer must align them.
    const { offset } = sources[0]!;
    sourceTasks[0]!.triggerCheckpoint(checkpointId);
    await until(() => sources[0]!.offset >= Math.min(offset + 300, total));
    sourceTasks[1]!.triggerCheckpoint(checkpointId);
  }
  await finished;
  const complete = [...snapshots].filter(([, byTask]) => byTask.size === 4);
  t.ok(complete.length >= 2, `at least two checkpoints completed mid-stream, got ${complete.length}`);
  for (const [checkpointId, byTask] of complete) {
    const emitted = (byTask.get('source/0 source') as number) + (byTask.get('source/1 source') as number);
    const counted = (byTask.get('consumer/0 consumer') as number) + (byTask.get('consumer/1 consumer') as number);
    t.ok(emitted > 0 && emitted < 2 * total, `checkpoint ${checkpointId} was taken mid-stream (${emitted} emitted)`);
    t.equal(counted, emitted, `checkpoint ${checkpointId}: the consumers counted exactly the records the sources' positions say were emitted`);
  }
});

t.test('a source that meets no backpressure still gives its thread up: a checkpoint triggered while it emits is taken mid-stream', async (t) => {
  const total = 5_000;
  const sources: Array<{ offset: number }> = [];
  // Slow enough (20 µs a record) never to fill its channels' credit; it awaits only what collect hands back.
  const BusySource = countingSource(total, sources, () => {
    const busyUntil = performance.now() + 0.02;
    while (performance.now() < busyUntil);
  });
  class Discard extends AbstractStreamOperator<never> implements OneInputStreamOperator<number, never> {
    processElement(): void {}
  }
  const taken: number[] = [];
  const { tasks, finished } = await startJob(() => new BusySource(), () => new Discard(), 'forward', (subtask) => ({
    onCheckpoint: (_checkpointId, snapshots) => {
      if (subtask.startsWith('source/')) taken.push(snapshots.get('source') as number);
    },
  }));
  // This test's own code runs only when the sources give the thread up.
  await until(() => sources.filter(Boolean).length === 2);
  for (const task of tasks.filter((task) => task.description.startsWith('source '))) task.triggerCheckpoint(1);
  await finished;
  t.equal(taken.length, 2, 'both sources took the checkpoint');
  t.ok(taken.every((offset) => offset < total), `both took it mid-stream (at ${taken.join(', ')} of ${total})`);
});

t.test('a keyed consumer counts each key in ValueState in the subtask owning it; its event-time timers fire as watermarks cross the exchange, its processing-time timers as mails', async (t) => {
  const perSubtask = 100;
  const keys = 7;
  let allProcessingTimersFired!: () => void;
  const processingTimersFired = new Promise<void>((resolve) => (allProcessingTimersFired = resolve));
  /** Emits n = subtask * 1000 + i at timestamp i, a watermark every 10, then waits for the consumers' processing-time timers. */
  class TimedSource extends AbstractStreamOperator<number> implements SourceOperator<number> {
    async run(ctx: SourceContext<number>): Promise<void> {
      const subtask = this.context.runtimeContext.getIndexOfThisSubtask();
      for (let i = 0; i < perSubtask; i++) {
        const pending = ctx.collectWithTimestamp(subtask * 1000 + i, i);
        if (i % 10 === 9) ctx.emitWatermark(i);
        if (pending) await pending;
      }
      await processingTimersFired;
    }
    cancel(): void {}
  }
  const fired: Array<{ subtask: number; key: unknown; at: number; count: number | null; watermark: number }> = [];
  const processingFiredFor = new Set<unknown>();
  /** Counts per key; an event-time timer at 49 and one at the end of event time report the count; a processing-time timer marks each key once. */
  class KeyedCounter extends AbstractStreamOperator<never> implements OneInputStreamOperator<number, never>, Triggerable<unknown, VoidNamespace> {
    private count!: ValueState<number>;
    private timers!: InternalTimerService<VoidNamespace>;
    override open(context: OperatorContext, output: Output<never>): void {
      super.open(context, output);
      this.count = this.getPartitionedState(new ValueStateDescriptor<number>('count', 0));
      this.timers = this.getInternalTimerService('user-timers', this);
    }
    processElement(record: StreamRecord<number>): void {
      const count = (this.count.value() ?? 0) + 1;
      this.count.update(count);
      // A timer registered behind the watermark would fire at the next one: only records up to 49 ask for it.
      if (record.timestamp! <= 49) this.timers.registerEventTimeTimer(VoidNamespace, 49);
      this.timers.registerEventTimeTimer(VoidNamespace, MAX_WATERMARK);
      if (count === 1) this.timers.registerProcessingTimeTimer(VoidNamespace, this.timers.currentProcessingTime() + 5);
    }
    onEventTime(timer: InternalTimer<unknown, VoidNamespace>): void {
      const subtask = this.context.runtimeContext.getIndexOfThisSubtask();
      fired.push({ subtask, key: this.getCurrentKey(), at: timer.timestamp, count: this.count.value(), watermark: this.timers.currentWatermark() });
    }
    onProcessingTime(): void {
      processingFiredFor.add(this.getCurrentKey());
      if (processingFiredFor.size === keys) allProcessingTimersFired();
    }
  }
  const { finished } = await startJob(() => new TimedSource(), () => new KeyedCounter(), 'hash');
  await finished;
  const records = [0, 1].flatMap((subtask) => Array.from({ length: perSubtask }, (_, i) => ({ n: subtask * 1000 + i, timestamp: i })));
  const ownerOf = (key: number) => computeOperatorIndexForKeyGroup(128, 2, assignToKeyGroup(key, 128));
  for (let key = 0; key < keys; key++) {
    const ofKey = records.filter(({ n }) => n % keys === key);
    const firings = fired.filter((f) => f.key === key);
    t.same(firings.map((f) => [f.subtask, f.at]), [[ownerOf(key), 49], [ownerOf(key), MAX_WATERMARK]], `key ${key}: each timer fired once, in the subtask that owns the key, in time order`);
    t.ok(firings[0]!.watermark >= 49 && firings[0]!.count! >= ofKey.filter((r) => r.timestamp <= 49).length, `key ${key}: at 49 every record up to 49 was counted`);
    t.equal(firings[1]!.count, ofKey.length, `key ${key}: at the end every record was counted once`);
  }
  t.equal(processingFiredFor.size, keys, 'a processing-time timer fired for every key while the job ran');
});

