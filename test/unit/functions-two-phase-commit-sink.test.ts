// TwoPhaseCommitSinkFunction through the operator test harness, with a user sink that writes
// each transaction to a hidden file and commits it by renaming: its hooks run in Flink's
// order, transactions wait in operator state for their checkpoint to complete, and a restore
// commits the pre-committed ones and aborts the one that was open. Also: a plain sink that is
// a CheckpointListener hears of completed and aborted checkpoints.
import t from 'tap';
import { appendFileSync, existsSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pack, unpack } from 'msgpackr';
import { StreamExecutionEnvironment, TwoPhaseCommitSinkFunction, type CheckpointListener, type SinkFunction } from '../../lib/api/index.ts';
import { StreamSink } from '../../lib/operators/sink-operator.ts';
import { OperatorTestHarness } from './helpers/operator-test-harness.ts';
import { runInMemory } from './helpers/run-in-memory.ts';

interface FileTransaction {
  name: string;
}

/** One file per transaction: `.name` while open, `name` once committed. */
class TransactionalFileSink extends TwoPhaseCommitSinkFunction<string, FileTransaction> {
  private transactions = 0;

  constructor(private readonly dir: string, private readonly log: string[], private readonly prefix: string) {
    super();
  }

  protected beginTransaction(): FileTransaction {
    const subtask = this.getRuntimeContext().getIndexOfThisSubtask();
    const transaction = { name: `${this.prefix}${subtask > 0 ? `${subtask}.` : ''}${++this.transactions}` };
    writeFileSync(join(this.dir, `.${transaction.name}`), '');
    this.log.push(`begin ${transaction.name}`);
    return transaction;
  }

  protected invoke(transaction: FileTransaction, value: string): void {
    appendFileSync(join(this.dir, `.${transaction.name}`), `${value}\n`);
  }

  protected preCommit(transaction: FileTransaction): void {
    this.log.push(`preCommit ${transaction.name}`);
  }

  protected commit(transaction: FileTransaction): void {
    this.log.push(`commit ${transaction.name}`);
    renameSync(join(this.dir, `.${transaction.name}`), join(this.dir, transaction.name));
  }

  protected abort(transaction: FileTransaction): void {
    this.log.push(`abort ${transaction.name}`);
    rmSync(join(this.dir, `.${transaction.name}`), { force: true });
  }

  protected override recoverAndCommit(transaction: FileTransaction): void {
    this.log.push(`recoverAndCommit ${transaction.name}`);
    if (existsSync(join(this.dir, `.${transaction.name}`))) this.commit(transaction);
  }

  protected override recoverAndAbort(transaction: FileTransaction): void {
    this.log.push(`recoverAndAbort ${transaction.name}`);
    this.abort(transaction);
  }
}

function committed(dir: string): Record<string, string> {
  return Object.fromEntries(readdirSync(dir).sort().map((name) => [name, readFileSync(join(dir, name), 'utf8')]));
}

t.test('records become visible when the checkpoint that pre-committed their transaction completes', async (t) => {
  const dir = t.testdir();
  const log: string[] = [];
  const harness = await OperatorTestHarness.forOperators([new StreamSink<string>(new TransactionalFileSink(dir, log, 't'))]).open();
  harness.processElement('a');
  harness.processBarrier(1);
  harness.processElement('b');
  harness.processBarrier(2);
  t.same(committed(dir), { '.t1': 'a\n', '.t2': 'b\n', '.t3': '' }, 'pre-committed, not visible');
  await harness.chain.notifyCheckpointAborted(1);
  t.same(committed(dir), { '.t1': 'a\n', '.t2': 'b\n', '.t3': '' }, 'an aborted checkpoint commits nothing');
  await harness.chain.notifyCheckpointComplete(2);
  t.same(committed(dir), { '.t3': '', t1: 'a\n', t2: 'b\n' }, 'checkpoint 2 commits its transaction and the earlier one');
  harness.processElement('c');
  await harness.finishAndClose();
  t.same(committed(dir), { t1: 'a\n', t2: 'b\n', t3: 'c\n' }, 'the end of input commits the open transaction');
  t.same(log, ['begin t1', 'preCommit t1', 'begin t2', 'preCommit t2', 'begin t3', 'commit t1', 'commit t2', 'preCommit t3', 'commit t3']);
});

t.test('a restore commits the pre-committed transactions of its checkpoint and aborts the open one', async (t) => {
  const dir = t.testdir();
  const log: string[] = [];
  const failed = await OperatorTestHarness.forOperators([new StreamSink<string>(new TransactionalFileSink(dir, log, 'first-'))]).open();
  failed.processElement('a');
  failed.processBarrier(1);
  failed.processElement('b');
  failed.processBarrier(2);
  failed.processElement('lost');
  await failed.chain.notifyCheckpointComplete(1);
  const checkpoint2 = new Map([...failed.checkpoints[1]!.snapshots].map(([id, snapshot]) => [id, unpack(pack(snapshot))]));
  t.same(committed(dir), { '.first-2': 'b\n', '.first-3': 'lost\n', 'first-1': 'a\n' });

  // The failed attempt is gone without closing (a SIGKILL): its open transaction is left behind.
  log.length = 0;
  const restored = await OperatorTestHarness.forOperators([new StreamSink<string>(new TransactionalFileSink(dir, log, 'second-'))], { restoredState: checkpoint2 }).open();
  t.same(log, ['recoverAndCommit first-1', 'recoverAndCommit first-2', 'commit first-2', 'recoverAndAbort first-3', 'abort first-3', 'begin second-1']);
  t.same(committed(dir), { '.second-1': '', 'first-1': 'a\n', 'first-2': 'b\n' }, 'b committed, "lost" aborted');
  restored.processElement('c');
  await restored.finishAndClose();
  t.same(committed(dir), { 'first-1': 'a\n', 'first-2': 'b\n', 'second-1': 'c\n' });
  await failed.close();
});

t.test('addSink(TwoPhaseCommitSinkFunction) in a job: the runtime context is there for the first transaction, the end of input commits', async (t) => {
  const dir = t.testdir();
  const env = StreamExecutionEnvironment.getExecutionEnvironment();
  env.fromElements('x', 'y', 'z').addSink(new TransactionalFileSink(dir, [], 't'));
  await runInMemory(env.getStreamGraph());
  t.same(committed(dir), { t1: 'x\ny\nz\n' });
});

t.test('a sink function that is a CheckpointListener hears of completed and aborted checkpoints', async (t) => {
  const heard: string[] = [];
  const sink: SinkFunction<string> & CheckpointListener = {
    invoke: () => {},
    notifyCheckpointComplete: (checkpointId) => { heard.push(`complete ${checkpointId}`); },
    notifyCheckpointAborted: (checkpointId) => { heard.push(`aborted ${checkpointId}`); },
  };
  const harness = await OperatorTestHarness.forOperators([new StreamSink(sink)]).open();
  await harness.chain.notifyCheckpointAborted(1);
  await harness.chain.notifyCheckpointComplete(2);
  await harness.close();
  t.same(heard, ['aborted 1', 'complete 2']);
});
