// writeAsText: one line per record. With parallelism 1 the path is the file; with more,
// the path is a directory holding one file per subtask, named 1, 2, … as in Flink.
// Existing files are overwritten. A relative path resolves against the job's directory.
import { closeSync, mkdirSync, openSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { OperatorContext, StreamOperator } from '../lib/operators/stream-operator.ts';
import { LineWriter } from './line-writer.ts';
import { formatRecord } from './record-format.ts';

export class TextFileSink<T> implements StreamOperator<T, never> {
  private fd?: number;
  private writer?: LineWriter;

  constructor(private readonly path: string) {}

  open(context: OperatorContext): void {
    const target = resolve(context.jobCwd, this.path);
    const runtime = context.runtimeContext;
    const parallel = runtime.getNumberOfParallelSubtasks() > 1;
    const file = parallel ? join(target, String(runtime.getIndexOfThisSubtask() + 1)) : target;
    mkdirSync(dirname(file), { recursive: true });
    this.fd = openSync(file, 'w');
    this.writer = new LineWriter(this.fd);
  }

  processElement(record: T): void {
    this.writer!.writeLine(formatRecord(record));
  }

  finish(): void {
    this.writer?.flush();
  }

  close(): void {
    if (this.fd === undefined) return;
    this.writer?.flush();
    closeSync(this.fd);
    this.fd = undefined;
  }
}
