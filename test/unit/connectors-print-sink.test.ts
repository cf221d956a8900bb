import t from 'tap';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { StreamingRuntimeContext } from '../../lib/api/index.ts';
import { PrintSink } from '../../connectors/print-sink.ts';
import { formatRecord, printPrefix } from '../../connectors/record-format.ts';
import { StreamRecord } from '../../lib/operators/stream-record.ts';
import { CollectingOutput } from './helpers/collecting-output.ts';

t.test('records render as Flink prints them', async (t) => {
  class Point {
    constructor(readonly x: number, readonly y: number) {}
    toString() {
      return `Point(${this.x}, ${this.y})`;
    }
  }
  t.equal(formatRecord('to be'), 'to be');
  t.equal(formatRecord(['to', 2]), '(to,2)');
  t.equal(formatRecord(['a', ['b', 1], { c: true }]), '(a,(b,1),{"c":true})');
  t.equal(formatRecord({ word: 'be', count: 2 }), '{"word":"be","count":2}');
  t.equal(formatRecord(new Point(1, 2)), 'Point(1, 2)');
  t.equal(formatRecord(42), '42');
  t.equal(formatRecord(null), 'null');
  t.equal(formatRecord(10n), '10');
});

t.test('the prefix names the subtask only when the sink is parallel', async (t) => {
  t.equal(printPrefix('', 0, 1), '');
  t.equal(printPrefix('', 2, 4), '3> ');
  t.equal(printPrefix('out', 0, 1), 'out> ');
  t.equal(printPrefix('out', 1, 2), 'out:2> ');
});

t.test('a parallel print sink writes prefixed lines, all of them, in order', async (t) => {
  const file = join(t.testdir(), 'stdout');
  const fd = openSync(file, 'w');
  const sink = new PrintSink<[string, number]>(fd);
  const runtimeContext = new StreamingRuntimeContext({ jobId: 'j', taskName: 'print', subtaskIndex: 1, parallelism: 4, maxParallelism: 128, attemptNumber: 0 });
  sink.open({ runtimeContext, jobCwd: process.cwd() }, new CollectingOutput());
  const count = 20_000; // several 64 KiB chunks
  for (let i = 0; i < count; i++) sink.processElement(new StreamRecord<[string, number]>([`word${i}`, i]));
  sink.finish();
  sink.close();
  closeSync(fd);
  const lines = readFileSync(file, 'utf8').split('\n');
  t.equal(lines.pop(), '', 'the output ends with a newline');
  t.equal(lines.length, count);
  t.equal(lines[0], '2> (word0,0)');
  t.ok(lines.every((line, i) => line === `2> (word${i},${i})`), 'no line lost or reordered');
});
