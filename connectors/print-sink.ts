// print() / printToErr(): one line per record on stdout (fd 1) or stderr (fd 2), prefixed
// with the subtask number when the sink runs in parallel, as Flink's PrintSinkFunction.
import { AbstractStreamOperator } from '../lib/operators/abstract-stream-operator.ts';
import type { OneInputStreamOperator, OperatorContext, Output } from '../lib/operators/stream-operator.ts';
import type { StreamRecord } from '../lib/operators/stream-record.ts';
import { LineWriter } from './line-writer.ts';
import { formatRecord, printPrefix } from './record-format.ts';

export class PrintSink<T> extends AbstractStreamOperator<never> implements OneInputStreamOperator<T, never> {
  private prefix = '';
  private writer?: LineWriter;

  constructor(
    private readonly fd: number,
    private readonly sinkIdentifier = '',
  ) {
    super();
  }

  override open(context: OperatorContext, output: Output<never>): void {
    super.open(context, output);
    const runtime = context.runtimeContext;
    this.prefix = printPrefix(this.sinkIdentifier, runtime.getIndexOfThisSubtask(), runtime.getNumberOfParallelSubtasks());
    this.writer = new LineWriter(this.fd);
  }

  processElement(record: StreamRecord<T>): void {
    this.writer!.writeLine(this.prefix + formatRecord(record.value));
  }

  override finish(): void {
    this.writer?.flush();
  }

  override close(): void {
    this.writer?.flush();
  }
}
