// enableCheckpointing, the CheckpointConfig and the restart strategy travel to the JobMaster
// in the JobGraph; a bad setting is one line naming it.
import t from 'tap';
import { resolve } from 'node:path';
import { CheckpointingMode, ExternalizedCheckpointCleanup, RestartStrategies, StreamExecutionEnvironment, Time } from '../../lib/api/index.ts';
import { toJobGraph } from '../../lib/graph/job-graph-builder.ts';

t.test('the checkpoint config and the restart strategy travel in the JobGraph', async (t) => {
  const env = StreamExecutionEnvironment.getExecutionEnvironment();
  env.enableCheckpointing(500, CheckpointingMode.AT_LEAST_ONCE);
  env.getCheckpointConfig()
    .setCheckpointTimeout(2000)
    .setMinPauseBetweenCheckpoints(100)
    .setMaxConcurrentCheckpoints(2)
    .setTolerableCheckpointFailureNumber(3)
    .setNumRetainedCheckpoints(4)
    .setExternalizedCheckpointCleanup(ExternalizedCheckpointCleanup.RETAIN_ON_CANCELLATION)
    .setCheckpointStorage('checkpoints');
  env.setRestartStrategy(RestartStrategies.fixedDelayRestart(2, Time.seconds(5)));
  env.fromElements(1, 2).print();
  const jobGraph = toJobGraph(env.getStreamGraph());
  t.same(jobGraph.checkpointing, {
    intervalMs: 500,
    mode: 'AT_LEAST_ONCE',
    timeoutMs: 2000,
    minPauseBetweenCheckpointsMs: 100,
    maxConcurrentCheckpoints: 2,
    tolerableCheckpointFailureNumber: 3,
    externalizedCheckpointCleanup: 'RETAIN_ON_CANCELLATION',
    numRetainedCheckpoints: 4,
    storage: { type: 'filesystem', directory: resolve('checkpoints') },
  });
  t.same(jobGraph.restartStrategy, { strategy: 'fixed-delay', restartAttempts: 2, delayMs: 5000 });
});

t.test('without enableCheckpointing the JobGraph has no checkpointing', async (t) => {
  const env = StreamExecutionEnvironment.getExecutionEnvironment();
  env.fromElements(1).print();
  const jobGraph = toJobGraph(env.getStreamGraph());
  t.equal(jobGraph.checkpointing, undefined);
  t.equal(jobGraph.restartStrategy, undefined);
});

t.test('a bad checkpoint setting is refused with one line', async (t) => {
  const env = StreamExecutionEnvironment.getExecutionEnvironment();
  t.throws(() => env.enableCheckpointing(0), { message: 'checkpoint config: the checkpoint interval must be at least 10 ms (got 0)' });
  t.throws(() => env.getCheckpointConfig().setMaxConcurrentCheckpoints(0), { message: 'checkpoint config: the maximum number of concurrent checkpoints must be at least 1 (got 0)' });
  t.throws(() => env.getCheckpointConfig().setNumRetainedCheckpoints(0), { message: 'checkpoint config: the number of retained checkpoints must be at least 1 (got 0)' });
  t.throws(() => env.getCheckpointConfig().setCheckpointingMode('ONCE' as CheckpointingMode), { message: "checkpoint config: unknown checkpointing mode 'ONCE'" });
});

t.test('Flink configuration keys set parallelism, max parallelism and checkpointing; a wrong value is refused by key', async (t) => {
  const env = StreamExecutionEnvironment.getExecutionEnvironment({
    'parallelism.default': '3',
    'pipeline.max-parallelism': '64',
    'execution.checkpointing.interval': '10 s',
    'execution.checkpointing.mode': 'AT_LEAST_ONCE',
    'some.key.sluice.does.not.know': 'ignored',
  });
  t.same([env.getParallelism(), env.getMaxParallelism(), env.getCheckpointConfig().getCheckpointInterval(), env.getCheckpointConfig().getCheckpointingMode()], [3, 64, 10_000, 'AT_LEAST_ONCE']);
  t.throws(() => StreamExecutionEnvironment.getExecutionEnvironment({ 'execution.checkpointing.mode': 'twice' }), /execution\.checkpointing\.mode: 'twice' is not a checkpointing mode/);
  t.throws(() => StreamExecutionEnvironment.getExecutionEnvironment({ 'parallelism.default': 'many' }), /parallelism\.default: 'many' is not a number/);
});

t.test('createLocalEnvironment takes a parallelism or a configuration', async (t) => {
  t.equal(StreamExecutionEnvironment.createLocalEnvironment(3).getParallelism(), 3);
  t.equal(StreamExecutionEnvironment.createLocalEnvironment({ 'parallelism.default': '2' }).getParallelism(), 2);
  t.equal(StreamExecutionEnvironment.createLocalEnvironment().getParallelism(), 1);
  t.throws(() => StreamExecutionEnvironment.createLocalEnvironment(0), /The parallelism must be at least 1 \(got 0\)/);
});
