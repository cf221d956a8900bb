// readTextFile: streams a UTF-8 file line by line (never the whole file in memory).
// Non-parallel; a relative path resolves against the directory the job was submitted from.
// Its position is the number of lines emitted: a snapshot holds it, a restore skips as many.
import { createReadStream, type ReadStream } from 'node:fs';
import { resolve } from 'node:path';
import type { SourceContext } from '../lib/functions/functions.ts';
import { AbstractStreamOperator } from '../lib/operators/abstract-stream-operator.ts';
import type { OperatorContext, Output, SourceOperator } from '../lib/operators/stream-operator.ts';
import { splitLines } from './line-splitter.ts';

export class TextFileSource extends AbstractStreamOperator<string> implements SourceOperator<string> {
  private file = '';
  private stream?: ReadStream;
  private cancelled = false;
  private emitted = 0;

  constructor(private readonly path: string) {
    super();
  }

  override initializeState(context: OperatorContext): void {
    if (typeof context.restoredState === 'number') this.emitted = context.restoredState;
  }

  override open(context: OperatorContext, output: Output<string>): void {
    super.open(context, output);
    this.file = resolve(context.jobCwd, this.path);
  }

  async run(ctx: SourceContext<string>): Promise<void> {
    this.stream = createReadStream(this.file, { encoding: 'utf8' });
    let skip = this.emitted;
    try {
      for await (const line of splitLines(this.stream, '\n')) {
        if (this.cancelled) return;
        if (skip > 0) {
          skip--;
          continue;
        }
        this.emitted++;
        const backpressure = ctx.collect(line);
        if (backpressure) await backpressure;
      }
    } catch (error) {
      if (!this.cancelled) throw new Error(`text file source ${this.file}: ${(error as Error).message}`, { cause: error });
    }
  }

  override snapshotState(): number {
    return this.emitted;
  }

  cancel(): void {
    this.cancelled = true;
    this.stream?.destroy();
  }

  override close(): void {
    this.stream?.destroy();
  }
}
