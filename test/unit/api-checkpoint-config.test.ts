// enableCheckpointing, the CheckpointConfig and the restart strategy travel to the JobMaster
// in the JobGraph; a bad setting is one line naming it.
import t from 'tap';
import { resolve } from 'node:path';
import { CheckpointingMode, Duration, ExternalizedCheckpointCleanup, ExternalizedCheckpointRetention, FileSystemCheckpointStorage, JobManagerCheckpointStorage, RestartStrategies, StreamExecutionEnvironment, Time } from '../../lib/api/index.ts';
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

t.test("Flink's checkpointing snippet runs as written: storage as a file:// URI or an object, unaligned and externalized settings", async (t) => {
  const env = StreamExecutionEnvironment.getExecutionEnvironment();
  env.enableCheckpointing(1000);
  const config = env.getCheckpointConfig();
  config.setExternalizedCheckpointCleanup(ExternalizedCheckpointCleanup.RETAIN_ON_CANCELLATION);
  config.enableUnalignedCheckpoints();
  config.setCheckpointStorage('file:///tmp/sluice-checkpoints');
  t.same(config.getCheckpointStorage(), { type: 'filesystem', directory: '/tmp/sluice-checkpoints' }, 'a file:// URI is its path');
  t.ok(config.isUnalignedCheckpointsEnabled(), 'accepted (barriers stay aligned)');
  t.ok(config.isExternalizedCheckpointsEnabled());
  config.setAlignedCheckpointTimeout(Duration.ofSeconds(30)).setForceUnalignedCheckpoints(true);
  t.same([config.getAlignedCheckpointTimeout(), config.isForceUnalignedCheckpoints()], [30_000, true]);
  config.enableExternalizedCheckpoints(ExternalizedCheckpointCleanup.DELETE_ON_CANCELLATION);
  t.equal(config.getExternalizedCheckpointRetention(), 'DELETE_ON_CANCELLATION');
  config.setExternalizedCheckpointRetention(ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION);
  t.equal(config.getExternalizedCheckpointCleanup(), 'RETAIN_ON_CANCELLATION');

  config.setCheckpointStorage(new FileSystemCheckpointStorage('checkpoints'));
  t.same(config.getCheckpointStorage(), { type: 'filesystem', directory: resolve('checkpoints') }, 'a relative path resolves against the job\'s directory');
  t.equal(new FileSystemCheckpointStorage('file:///data/ckp').getCheckpointPath(), '/data/ckp');
  config.setCheckpointStorage(new JobManagerCheckpointStorage());
  t.same(config.getCheckpointStorage(), { type: 'jobmanager' });
  t.notOk(config.isExternalizedCheckpointsEnabled(), 'checkpoints in the JobManager\'s memory go with it');
  t.throws(() => config.setCheckpointStorage('hdfs:///my/checkpoint/dir'), {
    message: "checkpoint config: 'hdfs:///my/checkpoint/dir' is on a hdfs:// file system; Sluice reads and writes local directories only (a path or a file:// URI)",
  });
  t.throws(() => new FileSystemCheckpointStorage(''), { message: 'FileSystemCheckpointStorage: the directory must be a non-empty path' });
});

t.test('the checkpointing configuration keys, by their Flink names old and new', async (t) => {
  const env = StreamExecutionEnvironment.getExecutionEnvironment({
    'execution.checkpointing.interval': '1 s',
    'execution.checkpointing.timeout': '1 min',
    'execution.checkpointing.min-pause': '500 ms',
    'execution.checkpointing.max-concurrent-checkpoints': '2',
    'execution.checkpointing.tolerable-failed-checkpoints': '3',
    'execution.checkpointing.externalized-checkpoint-retention': 'RETAIN_ON_CANCELLATION',
    'execution.checkpointing.unaligned': 'true',
    'state.checkpoints.dir': 'file:///tmp/ckp',
    'state.checkpoints.num-retained': '3',
    'pipeline.auto-watermark-interval': '50 ms',
    'execution.buffer-timeout': '0 ms',
    'pipeline.operator-chaining': 'false',
    'pipeline.object-reuse': 'true',
  });
  env.fromElements(1).map((n) => n).print();
  const graph = env.getStreamGraph();
  t.same(toJobGraph(graph).checkpointing, {
    intervalMs: 1000, mode: 'EXACTLY_ONCE', timeoutMs: 60_000, minPauseBetweenCheckpointsMs: 500, maxConcurrentCheckpoints: 2,
    tolerableCheckpointFailureNumber: 3, externalizedCheckpointCleanup: 'RETAIN_ON_CANCELLATION', numRetainedCheckpoints: 3,
    storage: { type: 'filesystem', directory: '/tmp/ckp' },
  });
  t.ok(env.getCheckpointConfig().isUnalignedCheckpointsEnabled());
  t.same([graph.autoWatermarkInterval, graph.bufferTimeoutMs, graph.chainingEnabled, env.getConfig().isObjectReuseEnabled()], [50, 0, false, true]);
  t.notOk(env.getConfig().disableObjectReuse().isObjectReuseEnabled());
  const renamed = StreamExecutionEnvironment.getExecutionEnvironment({ 'execution.checkpointing.dir': '/tmp/new', 'execution.checkpointing.num-retained': '2', 'execution.checkpointing.unaligned.enabled': 'false' });
  t.same([renamed.getCheckpointConfig().getCheckpointStorage(), renamed.getCheckpointConfig().getNumRetainedCheckpoints()], [{ type: 'filesystem', directory: '/tmp/new' }, 2]);
  t.throws(() => StreamExecutionEnvironment.getExecutionEnvironment({ 'execution.checkpointing.unaligned': 'yes' }), { message: "execution.checkpointing.unaligned: 'yes' is not a boolean (true or false)" });
  t.throws(() => StreamExecutionEnvironment.getExecutionEnvironment({ 'execution.checkpointing.externalized-checkpoint-retention': 'KEEP' }), /externalized-checkpoint-retention: 'KEEP' is not a checkpoint retention/);
  t.throws(() => StreamExecutionEnvironment.getExecutionEnvironment({ 'execution.checkpointing.timeout': 'soon' }), /execution\.checkpointing\.timeout: 'soon' is not a duration/);
});
