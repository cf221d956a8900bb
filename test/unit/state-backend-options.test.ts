import t from 'tap';
import { StreamExecutionEnvironment, EmbeddedLevelDBStateBackend, HashMapStateBackend } from '../../lib/api/index.ts';
import { toJobGraph } from '../../lib/graph/job-graph-builder.ts';
import { clusterOptionsFrom } from '../../lib/settings/cluster-options.ts';

const jobGraphOf = (env: StreamExecutionEnvironment) => {
  env.fromElements(1, 2).keyBy((n) => n).sum(0).print();
  return toJobGraph(env.getStreamGraph());
};

t.test('env.setStateBackend travels in the JobGraph; without one the cluster default applies', async (t) => {
  t.equal(jobGraphOf(StreamExecutionEnvironment.getExecutionEnvironment().setStateBackend(new EmbeddedLevelDBStateBackend())).stateBackend, 'leveldb');
  t.equal(jobGraphOf(StreamExecutionEnvironment.getExecutionEnvironment().setStateBackend(new HashMapStateBackend())).stateBackend, 'hashmap');
  t.equal(jobGraphOf(StreamExecutionEnvironment.getExecutionEnvironment()).stateBackend, undefined, 'the Dispatcher fills in the cluster default');
});

t.test('state.backend.type chooses the backend in a job configuration and as the cluster default', async (t) => {
  const env = StreamExecutionEnvironment.getExecutionEnvironment({ 'state.backend.type': 'leveldb' });
  t.ok(env.getStateBackend() instanceof EmbeddedLevelDBStateBackend);
  t.equal(clusterOptionsFrom('nats://localhost:4222', { SLUICE_STATE_BACKEND_TYPE: 'LevelDB' }).stateBackend, 'leveldb');
  t.equal(clusterOptionsFrom('nats://localhost:4222', {}).stateBackend, 'hashmap', 'the heap is the default');
});

t.test('an unknown state.backend.type is one line naming the key and the accepted values', async (t) => {
  t.throws(() => StreamExecutionEnvironment.getExecutionEnvironment({ 'state.backend.type': 'rocksdb' }),
    { message: "state.backend.type: unknown state backend 'rocksdb' (expected hashmap or leveldb)" });
  t.throws(() => clusterOptionsFrom('nats://localhost:4222', { SLUICE_STATE_BACKEND_TYPE: 'memory' }),
    { message: "SLUICE_STATE_BACKEND_TYPE (state.backend.type): unknown state backend 'memory' (expected hashmap or leveldb)" });
});
