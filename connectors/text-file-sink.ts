// writeAsText: one line per record. With parallelism 1 the path is the file; with more,
// the path is a directory holding one file per subtask, named 1, 2, … as in Flink.
// Existing files are overwritten. A relative path resolves against the job's directory.
import { closeSync, mkdirSync, openSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { AbstractStreamOperator } from '../lib/operators/abstract-stream-operator.ts';
import type { OneInputStreamOperator, OperatorContext, Output } from '../lib/operators/stream-operator.ts';
import type { StreamRecord } from '../lib/operators/stream-record.ts';
import { LineWriter } from './line-writer.ts';
import { formatRecord } from './record-format.ts';

export class TextFileSink<T> extends AbstractStreamOperator<never> implements OneInputStreamOperator<T, never> {
  private fd?: number;
  private writer?: LineWriter;

  constructor(private readonly path: string) {
    super();
  }

  override open(context: OperatorContext, output: Output<never>): void {
    super.open(context, output);
    const target = resolve(context.jobCwd, this.path);
    const runtime = context.runtimeContext;
    const parallel = runtime.getNumberOfParallelSubtasks() > 1;
    const file = parallel ? join(target, String(runtime.getIndexOfThisSubtask() + 1)) : target;
    mkdirSync(dirname(file), { recursive: true });
    this.fd = openSync(file, 'w');
    this.writer = new LineWriter(this.fd);
  }

  processElement(record: StreamRecord<T>): void {
    this.writer!.writeLine(formatRecord(record.value));
  }

  override finish(): void {
    this.writer?.flush();
  }

  override close(): void {
    if (this.fd === undefined) return;
    this.writer?.flush();
    closeSync(this.fd);
    this.fd = undefined;
  }
}
