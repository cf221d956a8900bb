// FileSink through the operator test harness: part files hidden while in progress and
// pending, committed when their checkpoint completes, and a restore that commits the
// restored checkpoint's pending files and drops what no completed checkpoint covers.
import t from 'tap';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pack, unpack } from 'msgpackr';
import {
  BasePathBucketAssigner,
  DateTimeBucketAssigner,
  DefaultRollingPolicy,
  Duration,
  FileSink,
  OnCheckpointRollingPolicy,
  OutputFileConfig,
  SimpleStringEncoder,
  StreamExecutionEnvironment,
} from '../../lib/api/index.ts';
import { SinkWriterOperator } from '../../lib/operators/sink-writer-operator.ts';
import { repartitionOperatorState, type OperatorStateSnapshot } from '../../lib/state/index.ts';
import { OperatorTestHarness, type HarnessOptions } from './helpers/operator-test-harness.ts';
import { runInMemory } from './helpers/run-in-memory.ts';

const uuid = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const committedName = new RegExp(`^part-${uuid}-0-\\d+$`);
const inProgressName = new RegExp(`^\\.part-${uuid}-0-\\d+\\.inprogress\\.${uuid}$`);

const onCheckpoint = () => FileSink.forRowFormat<string>('out', new SimpleStringEncoder())
  .withBucketAssigner(new BasePathBucketAssigner())
  .withRollingPolicy(OnCheckpointRollingPolicy.build())
  .build();

async function harnessFor(sink: FileSink<string>, jobCwd: string, options: HarnessOptions = {}): Promise<OperatorTestHarness> {
  return OperatorTestHarness.forOperators([new SinkWriterOperator(sink)], { jobCwd, ...options }).open();
}

/** The checkpoint as storage returns it: through msgpack. */
function stored(snapshots: Map<string, unknown>): Map<string, unknown> {
  return new Map([...snapshots].map(([id, snapshot]) => [id, unpack(pack(snapshot))]));
}

/** The contents of a directory's visible part files, sorted, and the names of its hidden in-progress ones. */
function partFiles(dir: string): { visible: string[]; hidden: string[] } {
  const names = readdirSync(dir).sort();
  return {
    visible: names.filter((name) => !name.startsWith('.')).map((name) => readFileSync(join(dir, name), 'utf8')).sort(),
    hidden: names.filter((name) => name.startsWith('.')),
  };
}

t.test('part files stay hidden until the checkpoint that made them pending completes', async (t) => {
  const dir = t.testdir();
  const out = join(dir, 'out');
  const harness = await harnessFor(onCheckpoint(), dir);
  harness.processElement('a');
  harness.processElement('b');
  t.match(readdirSync(out), [inProgressName], 'in progress: hidden');
  harness.processBarrier(1);
  harness.processElement('c');
  const pending = readdirSync(out).sort();
  t.equal(pending.length, 2, 'checkpoint 1 closed the first part file; the next one is in progress');
  t.ok(pending.every((name) => inProgressName.test(name)), 'pending: still hidden');
  await harness.chain.notifyCheckpointComplete(1);
  const committed = partFiles(out);
  t.same(committed.visible, ['a\nb\n'], 'committed under its visible name');
  t.ok(committed.hidden.length === 1 && pending.includes(committed.hidden[0]!), 'the part file of "c" is still in progress');
  t.match(readdirSync(out).filter((name) => !name.startsWith('.')), [committedName]);
  await harness.finishAndClose();
  t.same(partFiles(out).visible, ['a\nb\n', 'c\n'], 'the end of input commits what remains');
  t.same(partFiles(out).hidden, []);
});

t.test('a restore commits the pending files of its checkpoint and discards what no completed checkpoint covers', async (t) => {
  const dir = t.testdir();
  const out = join(dir, 'out');
  const failed = await harnessFor(onCheckpoint(), dir);
  failed.processElement('a');
  failed.processBarrier(1);
  failed.processElement('b');
  failed.processBarrier(2);
  failed.processElement('lost');
  await failed.chain.notifyCheckpointComplete(1);
  const checkpoint2 = stored(failed.checkpoints[1]!.snapshots);
  await failed.close();
  t.same(partFiles(out).visible, ['a\n'], 'before the failure: only checkpoint 1 is committed');
  t.equal(partFiles(out).hidden.length, 2, 'pending "b" and in-progress "lost" are hidden');

  // Checkpoint 2 completed at the coordinator, but the failure came before its notification.
  const restored = await harnessFor(onCheckpoint(), dir, { restoredState: checkpoint2 });
  t.same(partFiles(out), { visible: ['a\n', 'b\n'], hidden: [] }, 'b committed on restore; "lost" discarded');
  restored.processElement('c');
  await restored.finishAndClose();
  t.same(partFiles(out).visible, ['a\n', 'b\n', 'c\n']);

  const again = await harnessFor(onCheckpoint(), dir, { restoredState: checkpoint2 });
  await again.close();
  t.same(partFiles(out).visible, ['a\n', 'b\n', 'c\n'], 'committing a second time changes nothing: the committer is idempotent');
});

t.test('an aborted checkpoint commits nothing; the next completed one commits its files too', async (t) => {
  const dir = t.testdir();
  const out = join(dir, 'out');
  const harness = await harnessFor(onCheckpoint(), dir);
  harness.processElement('a');
  harness.processBarrier(1);
  await harness.chain.notifyCheckpointAborted(1);
  t.same(partFiles(out).visible, [], 'aborted: still pending');
  harness.processElement('b');
  harness.processBarrier(2);
  await harness.chain.notifyCheckpointComplete(2);
  t.same(partFiles(out), { visible: ['a\n', 'b\n'], hidden: [] }, 'checkpoint 2 subsumes checkpoint 1');
  await harness.close();
});

t.test('DefaultRollingPolicy: a part file stays in progress across checkpoints and a restore truncates it to the recorded length', async (t) => {
  const dir = t.testdir();
  const out = join(dir, 'out');
  const sink = () => FileSink.forRowFormat<string>('out', new SimpleStringEncoder())
    .withBucketAssigner(new BasePathBucketAssigner())
    .withRollingPolicy(DefaultRollingPolicy.builder().withMaxPartSize(1024).build())
    .build();
  const failed = await harnessFor(sink(), dir);
  failed.processElement('a');
  failed.processBarrier(1);
  await failed.chain.notifyCheckpointComplete(1);
  t.same(partFiles(out).visible, [], 'smaller than the part size: not rolled at the checkpoint');
  failed.processElement('lost');
  failed.processBarrier(2);
  const checkpoint1 = stored(failed.checkpoints[0]!.snapshots);
  await failed.close();
  t.equal(readFileSync(join(out, partFiles(out).hidden[0]!), 'utf8'), 'a\nlost\n', 'checkpoint 2 wrote "lost" out');

  const restored = await harnessFor(sink(), dir, { restoredState: checkpoint1 });
  restored.processElement('b');
  await restored.finishAndClose();
  t.same(partFiles(out), { visible: ['a\nb\n'], hidden: [] }, 'resumed at checkpoint 1\'s length: "lost" cut off');
});

t.test('after a change of parallelism, the subtask that gets an in-progress file resumes it and no other subtask discards it', async (t) => {
  const dir = t.testdir();
  const out = join(dir, 'out');
  const sink = () => FileSink.forRowFormat<string>('out', new SimpleStringEncoder())
    .withBucketAssigner(new BasePathBucketAssigner())
    .withRollingPolicy(DefaultRollingPolicy.builder().withMaxPartSize(1024).build())
    .build();
  const before = await harnessFor(sink(), dir, { subtaskIndex: 1, parallelism: 2 });
  before.processElement('a');
  before.processBarrier(1);
  const [snapshot] = stored(before.checkpoints[0]!.snapshots).values();
  await before.close();
  // At parallelism 3, subtask 0 gets the one writer state of old subtask 1; new subtask 1 gets none.
  const [forSubtask0, forSubtask1] = repartitionOperatorState([undefined, snapshot as OperatorStateSnapshot], 3);
  const subtask1 = await harnessFor(sink(), dir, { subtaskIndex: 1, parallelism: 3, restoredState: new Map([['op-1', forSubtask1]]) });
  const subtask0 = await harnessFor(sink(), dir, { subtaskIndex: 0, parallelism: 3, restoredState: new Map([['op-1', forSubtask0]]) });
  subtask0.processElement('b');
  await subtask0.finishAndClose();
  await subtask1.finishAndClose();
  t.same(partFiles(out), { visible: ['a\nb\n'], hidden: [] });
});

t.test('DefaultRollingPolicy rolls at the maximum part size and after the rollover interval; files are named by OutputFileConfig', async (t) => {
  const dir = t.testdir();
  const out = join(dir, 'out');
  const sink = FileSink.forRowFormat<string>('out', new SimpleStringEncoder())
    .withBucketAssigner(new BasePathBucketAssigner())
    .withRollingPolicy(DefaultRollingPolicy.builder().withMaxPartSize(4).withRolloverInterval(Duration.ofSeconds(10)).withInactivityInterval(Duration.ofMinutes(5)).build())
    .withOutputFileConfig(OutputFileConfig.builder().withPartPrefix('counts').withPartSuffix('.txt').build())
    .withBucketCheckInterval(1000)
    .build();
  const harness = await harnessFor(sink, dir, { processingTime: 0 });
  for (const line of ['ab', 'cd', 'ef']) harness.processElement(line);
  harness.processBarrier(1);
  await harness.chain.notifyCheckpointComplete(1);
  t.same(partFiles(out).visible, ['ab\ncd\n'], 'the part file that reached 4 bytes was rolled before "ef"');
  t.match(readdirSync(out).filter((name) => !name.startsWith('.')), [new RegExp(`^counts-${uuid}-0-0\\.txt$`)]);
  await harness.setProcessingTime(10_000);
  harness.processBarrier(2);
  await harness.chain.notifyCheckpointComplete(2);
  t.same(partFiles(out), { visible: ['ab\ncd\n', 'ef\n'], hidden: [] }, 'the rollover interval closed "ef"');
  await harness.close();
});

t.test('DateTimeBucketAssigner: one bucket per hour of processing time, "yyyy-MM-dd--HH" by default', async (t) => {
  const dir = t.testdir();
  const sink = FileSink.forRowFormat<string>('out', new SimpleStringEncoder())
    .withBucketAssigner(new DateTimeBucketAssigner('yyyy-MM-dd--HH', 'UTC'))
    .build();
  const harness = await harnessFor(sink, dir, { processingTime: Date.UTC(2026, 0, 2, 3, 59) });
  harness.processElement('before');
  await harness.setProcessingTime(Date.UTC(2026, 0, 2, 4, 0));
  harness.processElement('after');
  await harness.finishAndClose();
  t.same(readdirSync(join(dir, 'out')).sort(), ['2026-01-02--03', '2026-01-02--04']);
  t.same(partFiles(join(dir, 'out', '2026-01-02--04')).visible, ['after\n']);
});

t.test('stream.sinkTo(FileSink) in a job: without checkpoints, the end of input commits the files', async (t) => {
  const dir = t.testdir();
  const env = StreamExecutionEnvironment.getExecutionEnvironment();
  env.fromElements('x', 'y', 'z').sinkTo(onCheckpoint());
  await runInMemory(env.getStreamGraph(), { jobCwd: dir });
  const names = readdirSync(join(dir, 'out'));
  t.ok(names.every((name) => committedName.test(name)), names.join(', '));
  t.same(names.flatMap((name) => readFileSync(join(dir, 'out', name), 'utf8').split('\n').filter(Boolean)).sort(), ['x', 'y', 'z']);
});
