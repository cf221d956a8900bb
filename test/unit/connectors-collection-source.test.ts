import t from 'tap';
import { CollectionSource } from '../../connectors/collection-source.ts';

t.test('waits for a backpressured collect before emitting the next element', async (t) => {
  const source = new CollectionSource(['a', 'b', 'c']);
  const emitted: string[] = [];
  let release!: () => void;
  let blocked!: () => void;
  const isBlocked = new Promise<void>((resolve) => (blocked = resolve));
  const running = source.run({
    collect(element) {
      emitted.push(element);
      if (element !== 'a') return;
      blocked();
      return new Promise<void>((resolve) => (release = resolve));
    },
  });
  await isBlocked;
  await new Promise(setImmediate);
  t.same(emitted, ['a'], 'nothing more while the output is backpressured');
  release();
  await running;
  t.same(emitted, ['a', 'b', 'c']);
});

t.test('stops at cancel()', async (t) => {
  const source = new CollectionSource([1, 2, 3]);
  const emitted: number[] = [];
  await source.run({
    collect(element) {
      emitted.push(element);
      if (element === 2) source.cancel();
    },
  });
  t.same(emitted, [1, 2]);
});
