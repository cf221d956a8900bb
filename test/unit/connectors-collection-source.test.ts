import t from 'tap';
import { CollectionSource } from '../../connectors/collection-source.ts';
import { StreamExecutionEnvironment } from '../../lib/api/index.ts';
import { StreamSourceContext } from '../../lib/operators/stream-source-context.ts';
import { CollectingOutput } from './helpers/collecting-output.ts';
import { OperatorTestHarness } from './helpers/operator-test-harness.ts';
import { collectInto, runInMemory } from './helpers/run-in-memory.ts';

/** Runs the source with its output backpressured once it holds `count` values, until `release()`. */
function runBlockedAfter<T>(source: CollectionSource<T>, count: number) {
  const output = new CollectingOutput<T>();
  let release!: () => void;
  let blocked!: () => void;
  const isBlocked = new Promise<void>((resolve) => (blocked = resolve));
  const running = source.run(new StreamSourceContext(output, () => {
    if (output.values.length !== count) return undefined;
    blocked();
    return new Promise<void>((resolve) => (release = resolve));
  }));
  return { output, isBlocked, running, release: () => release() };
}

t.test('waits for a backpressured collect before emitting the next element', async (t) => {
  const { output, isBlocked, running, release } = runBlockedAfter(new CollectionSource(['a', 'b', 'c']), 1);
  await isBlocked;
  await new Promise(setImmediate);
  t.same(output.values, ['a'], 'nothing more while the output is backpressured');
  release();
  await running;
  t.same(output.values, ['a', 'b', 'c']);
});

t.test('stops at cancel()', async (t) => {
  const source = new CollectionSource([1, 2, 3]);
  const output = new CollectingOutput<number>();
  await source.run(new StreamSourceContext(output, () => {
    if (output.values.length === 2) source.cancel();
    return undefined;
  }));
  t.same(output.values, [1, 2]);
});

t.test('its position is the number of elements emitted, and a restore resumes there', async (t) => {
  const source = new CollectionSource(['a', 'b', 'c']);
  const { isBlocked, running, release } = runBlockedAfter(source, 2);
  await isBlocked;
  const snapshot = source.snapshotState();
  t.equal(snapshot, 2, 'a snapshot while the source waits counts what it emitted');
  release();
  await running;
  const restored = await OperatorTestHarness.forOperators<string>([new CollectionSource(['a', 'b', 'c'])], { restoredState: new Map([['op-1', snapshot]]) }).open();
  await restored.runSources();
  await restored.finishAndClose();
  t.same(restored.output.values, ['c']);
});

t.test('fromData takes elements, or one array or iterable of them, as Flink 1.19\'s fromData does', async (t) => {
  const env = StreamExecutionEnvironment.getExecutionEnvironment();
  const elements = collectInto(env.fromData('a', 'b', 'c'));
  const fromArray = collectInto(env.fromData([1, 2, 3]));
  const fromSet = collectInto(env.fromData(new Set(['x', 'y'])));
  const oneString = collectInto(env.fromData('word'));
  await runInMemory(env.getStreamGraph());
  t.same([elements, fromArray, fromSet, oneString], [['a', 'b', 'c'], [1, 2, 3], ['x', 'y'], ['word']]);
});
