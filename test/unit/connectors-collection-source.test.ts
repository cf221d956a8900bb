import t from 'tap';
import { CollectionSource } from '../../connectors/collection-source.ts';
import { StreamingRuntimeContext } from '../../lib/functions/runtime-context.ts';
import { StreamSourceContext } from '../../lib/operators/stream-source-context.ts';
import { CollectingOutput } from './helpers/collecting-output.ts';

t.test('waits for a backpressured collect before emitting the next element', async (t) => {
  const source = new CollectionSource(['a', 'b', 'c']);
  const output = new CollectingOutput<string>();
  let release!: () => void;
  let blocked!: () => void;
  const isBlocked = new Promise<void>((resolve) => (blocked = resolve));
  const running = source.run(new StreamSourceContext(output, () => {
    if (output.values.length !== 1) return undefined;
    blocked();
    return new Promise<void>((resolve) => (release = resolve));
  }));
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
  const output = new CollectingOutput<string>();
  let release!: () => void;
  let blocked!: () => void;
  const isBlocked = new Promise<void>((resolve) => (blocked = resolve));
  const running = source.run(new StreamSourceContext(output, () => {
    if (output.values.length !== 2) return undefined;
    blocked();
    return new Promise<void>((resolve) => (release = resolve));
  }));
  await isBlocked;
  const snapshot = source.snapshotState();
  t.equal(snapshot, 2, 'a snapshot while the source waits counts what it emitted');
  release();
  await running;
  const restored = new CollectionSource(['a', 'b', 'c']);
  const runtimeContext = new StreamingRuntimeContext({ jobId: 'j', taskName: 'source', subtaskIndex: 0, parallelism: 1, maxParallelism: 128, attemptNumber: 1 });
  restored.initializeState({ runtimeContext, jobCwd: process.cwd(), restoredState: snapshot });
  const rest = new CollectingOutput<string>();
  await restored.run(new StreamSourceContext(rest, () => undefined));
  t.same(rest.values, ['c']);
});
