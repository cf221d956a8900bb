// socketTextStream: connects to host:port, emits the text between delimiters, ends when the
// peer closes the connection. Non-parallel. A socket cannot replay what it sent, so this
// source gives at-most-once delivery: records in flight at a failure are lost.
import { connect, type Socket } from 'node:net';
import { once } from 'node:events';
import type { SourceContext } from '../lib/functions/functions.ts';
import { AbstractStreamOperator } from '../lib/operators/abstract-stream-operator.ts';
import type { SourceOperator } from '../lib/operators/stream-operator.ts';
import { splitLines } from './line-splitter.ts';

export class SocketTextSource extends AbstractStreamOperator<string> implements SourceOperator<string> {
  private socket?: Socket;
  private cancelled = false;

  constructor(
    private readonly host: string,
    private readonly port: number,
    private readonly delimiter: string,
  ) {
    super();
  }

  async run(ctx: SourceContext<string>): Promise<void> {
    if (this.cancelled) return;
    const socket = (this.socket = connect({ host: this.host, port: this.port }));
    socket.setEncoding('utf8');
    try {
      await once(socket, 'connect');
      for await (const line of splitLines(socket, this.delimiter)) {
        if (this.cancelled) return;
        const backpressure = ctx.collect(line);
        if (backpressure) await backpressure;
      }
    } catch (error) {
      if (!this.cancelled) throw new Error(`socket source ${this.host}:${this.port}: ${(error as Error).message}`, { cause: error });
    }
  }

  cancel(): void {
    this.cancelled = true;
    this.socket?.destroy();
  }

  override close(): void {
    this.socket?.destroy();
  }
}
