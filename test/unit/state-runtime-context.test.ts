import t from 'tap';
import { AggregatingStateDescriptor, ListStateDescriptor, MapStateDescriptor, ReducingStateDescriptor, RichMapFunction, StreamingRuntimeContext, ValueStateDescriptor } from '../../lib/api/index.ts';
import { DefaultKeyedStateStore, HeapKeyedStateBackend } from '../../lib/state/index.ts';

const info = { jobId: 'job', taskName: 'Source -> Map', subtaskIndex: 1, parallelism: 2, maxParallelism: 128, attemptNumber: 0 };

class Counter extends RichMapFunction<string, number> {
  map(): number {
    const count = this.getRuntimeContext().getState(new ValueStateDescriptor<number>('count', 0));
    const next = (count.value() ?? 0) + 1;
    count.update(next);
    return next;
  }
}

t.test('getState gives a rich function the state of the current key', async (t) => {
  const backend = new HeapKeyedStateBackend({ keyGroupRange: { startKeyGroup: 0, endKeyGroup: 127 }, numberOfKeyGroups: 128, description: '"Map" (1/1)' });
  const counter = new Counter();
  counter.setRuntimeContext(new StreamingRuntimeContext(info, 'Map', new DefaultKeyedStateStore(backend)));
  const counts = ['a', 'b', 'a', 'a', 'b'].map((word) => {
    backend.setCurrentKey(word);
    return counter.map();
  });
  t.same(counts, [1, 1, 2, 3, 2]);
});

t.test('getState outside a keyed context gives Flink\'s error, naming the operator and the task', async (t) => {
  const counter = new Counter();
  counter.setRuntimeContext(new StreamingRuntimeContext(info, 'Map'));
  t.throws(() => counter.map(), {
    message: 'Keyed state can only be used on a \'keyed stream\', i.e., after a \'keyBy()\' operation: state "count" requested by operator "Map" of task "Source -> Map (2/2)"',
  });
});

t.test('the runtime context hands out every state kind of the current key', async (t) => {
  const backend = new HeapKeyedStateBackend({ keyGroupRange: { startKeyGroup: 0, endKeyGroup: 127 }, numberOfKeyGroups: 128, description: '"Map" (1/1)' });
  const context = new StreamingRuntimeContext(info, 'Map', new DefaultKeyedStateStore(backend));
  backend.setCurrentKey('a');
  context.getListState(new ListStateDescriptor<number>('list')).add(1);
  context.getMapState(new MapStateDescriptor<string, number>('map')).put('x', 2);
  context.getReducingState(new ReducingStateDescriptor<number>('max', Math.max)).add(3);
  context.getAggregatingState(new AggregatingStateDescriptor('count', { createAccumulator: () => 0, add: (_: string, n: number) => n + 1, getResult: (n: number) => n, merge: (a: number, b: number) => a + b })).add('w');
  backend.setCurrentKey('a');
  t.same([...context.getListState(new ListStateDescriptor<number>('list')).get()], [1]);
  t.equal(context.getMapState(new MapStateDescriptor<string, number>('map')).get('x'), 2);
  t.equal(context.getReducingState(new ReducingStateDescriptor<number>('max', Math.max)).get(), 3);
  t.equal(backend.getPartitionedState(null, new AggregatingStateDescriptor('count', { createAccumulator: () => 0, add: (_: string, n: number) => n + 1, getResult: (n: number) => n, merge: (a: number, b: number) => a + b })).get(), 1);
  t.throws(() => new StreamingRuntimeContext(info, 'Map').getMapState(new MapStateDescriptor('rules')), { message: /Keyed state can only be used on a 'keyed stream'.*state "rules"/ });
});
