import t from 'tap';
import { keyGroupRangeForOperator } from '../../lib/exchange/key-groups.ts';
import {
  DefaultOperatorStateBackend,
  HeapKeyedStateBackend,
  ListStateDescriptor,
  MapStateDescriptor,
  packKeyGroupSnapshot,
  packOperatorStateSnapshot,
  unpackStateValue,
  ValueStateDescriptor,
  VoidNamespace,
} from '../../lib/state/index.ts';

const backend = () => new HeapKeyedStateBackend<unknown>({ keyGroupRange: keyGroupRangeForOperator(1, 1, 0), numberOfKeyGroups: 1, description: '"Enricher" (1/1)' });

t.test('a state value msgpackr cannot encode fails the snapshot naming the state, the operator and the key', async (t) => {
  const keyed = backend();
  const ok = keyed.getPartitionedState(VoidNamespace, new ValueStateDescriptor<unknown>('ok'));
  const bad = keyed.getPartitionedState(VoidNamespace, new ValueStateDescriptor<unknown>('handlers'));
  keyed.setCurrentKey('a');
  ok.update({ n: 1, at: [1, 'x'] });
  keyed.setCurrentKey(['b', 2]);
  bad.update({ onEvent: () => 1 });
  t.throws(() => packKeyGroupSnapshot(keyed.snapshotKeyGroup(0), '"Enricher" (1/1)'), { name: 'StateEncodeError', message: 'state "handlers" of "Enricher" (1/1), key ["b",2]: cannot encode a function' });
  bad.update(Symbol('s'));
  t.throws(() => packKeyGroupSnapshot(keyed.snapshotKeyGroup(0), '"Enricher" (1/1)'), { message: 'state "handlers" of "Enricher" (1/1), key ["b",2]: cannot encode a Symbol' });
  bad.clear();
  t.same(unpackStateValue(packKeyGroupSnapshot(keyed.snapshotKeyGroup(0), '"Enricher" (1/1)')), { keyGroup: 0, states: [{ name: 'ok', type: 'value', entries: [['a', null, { n: 1, at: [1, 'x'] }]] }] }, 'without it, the snapshot encodes');
  keyed.dispose();
});

t.test('unencodable operator state names the state and the operator', async (t) => {
  const operatorState = new DefaultOperatorStateBackend('"Sink" (2/2)');
  operatorState.getListState(new ListStateDescriptor<unknown>('pending')).add(() => 0);
  operatorState.getBroadcastState(new MapStateDescriptor<string, number>('rules')).put('r', 1);
  t.throws(() => packOperatorStateSnapshot(operatorState.snapshot(), '"Sink" (2/2)'), { message: 'operator state "pending" of "Sink" (2/2): cannot encode a function' });
});
