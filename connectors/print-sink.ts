// print() / printToErr(): one line per record on stdout (fd 1) or stderr (fd 2), prefixed
// with the subtask number when the sink runs in parallel, as Flink's PrintSinkFunction.
import type { OperatorContext, StreamOperator } from '../lib/operators/stream-operator.ts';
import { LineWriter } from './line-writer.ts';
import { formatRecord, printPrefix } from './record-format.ts';

export class PrintSink<T> implements StreamOperator<T, never> {
  private prefix = '';
  private writer?: LineWriter;

  constructor(
    private readonly fd: number,
    private readonly sinkIdentifier = '',
  ) {}

  open(context: OperatorContext): void {
    const runtime = context.runtimeContext;
    this.prefix = printPrefix(this.sinkIdentifier, runtime.getIndexOfThisSubtask(), runtime.getNumberOfParallelSubtasks());
    this.writer = new LineWriter(this.fd);
  }

  processElement(record: T): void {
    this.writer!.writeLine(this.prefix + formatRecord(record));
  }

  finish(): void {
    this.writer?.flush();
  }

  close(): void {
    this.writer?.flush();
  }
}
