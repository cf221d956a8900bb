import t from 'tap';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { StreamExecutionEnvironment } from '../../lib/api/index.ts';
import { TextFileSink } from '../../connectors/text-file-sink.ts';
import { TextFileSource } from '../../connectors/text-file-source.ts';
import { OperatorTestHarness } from './helpers/operator-test-harness.ts';
import { collectInto, runInMemory } from './helpers/run-in-memory.ts';

t.test('readTextFile streams the lines of a file; a relative path resolves against the job directory', async (t) => {
  const dir = t.testdir({ 'input.txt': 'first line\r\nsecond\n\nlast without newline' });
  const env = StreamExecutionEnvironment.getExecutionEnvironment();
  const lines = collectInto(env.readTextFile('input.txt'));
  await runInMemory(env.getStreamGraph(), { jobCwd: dir });
  t.same(lines, ['first line', 'second', '', 'last without newline']);
});

t.test('readTextFile reads a file larger than a stream chunk, line by line', async (t) => {
  const dir = t.testdir();
  const count = 50_000;
  writeFileSync(join(dir, 'big.txt'), Array.from({ length: count }, (_, i) => `line ${i} ✓`).join('\n') + '\n');
  const env = StreamExecutionEnvironment.getExecutionEnvironment();
  const lines = collectInto(env.readTextFile(join(dir, 'big.txt')));
  await runInMemory(env.getStreamGraph());
  t.equal(lines.length, count);
  t.ok(lines.every((line, i) => line === `line ${i} ✓`), 'multi-byte characters survive chunk boundaries');
});

t.test('a missing input file fails naming the file', async (t) => {
  const env = StreamExecutionEnvironment.getExecutionEnvironment();
  env.readTextFile('/nonexistent/sluice-input.txt').print();
  await t.rejects(runInMemory(env.getStreamGraph()), /text file source \/nonexistent\/sluice-input\.txt: ENOENT/);
});

t.test('writeAsText at parallelism 1 writes the file, relative to the job directory', async (t) => {
  const dir = t.testdir();
  const env = StreamExecutionEnvironment.getExecutionEnvironment();
  env.fromElements<[string, number]>(['to', 2], ['be', 2]).writeAsText('out/result.txt');
  await runInMemory(env.getStreamGraph(), { jobCwd: dir });
  t.equal(readFileSync(join(dir, 'out', 'result.txt'), 'utf8'), '(to,2)\n(be,2)\n');
});

t.test('writeAsText at parallelism > 1 writes one file per subtask into a directory', async (t) => {
  const dir = join(t.testdir(), 'result');
  const sinks = await Promise.all([0, 1].map((subtaskIndex) => OperatorTestHarness.forOperators([new TextFileSink<string>(dir)], { subtaskIndex, parallelism: 2 }).open()));
  sinks[0]!.processElement('a');
  sinks[1]!.processElement('b');
  sinks[0]!.processElement('c');
  for (const sink of sinks) await sink.finishAndClose();
  t.same(readdirSync(dir).sort(), ['1', '2']);
  t.equal(readFileSync(join(dir, '1'), 'utf8'), 'a\nc\n');
  t.equal(readFileSync(join(dir, '2'), 'utf8'), 'b\n');
});

t.test('readTextFile\'s position is the number of lines emitted, and a restore resumes after them', async (t) => {
  const dir = t.testdir({ 'input.txt': 'a\nb\nc\nd\n' });
  const source = new TextFileSource('input.txt');
  const harness = await OperatorTestHarness.forOperators<string>([source], { jobCwd: dir }).open();
  await harness.runSources();
  t.equal(source.snapshotState(), 4);
  await harness.finishAndClose();
  const restored = await OperatorTestHarness.forOperators<string>([new TextFileSource('input.txt')], { jobCwd: dir, restoredState: new Map([['op-1', 2]]) }).open();
  await restored.runSources();
  await restored.finishAndClose();
  t.same(restored.output.values, ['c', 'd']);
});
