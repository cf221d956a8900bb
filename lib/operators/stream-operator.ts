// The contract between the operators of a chain and the Subtask that runs them.
// Inside a chain records are passed by direct calls (no serialization); an operator
// never knows whether its Output is the next operator or a network writer.
import type { RuntimeContext } from '../functions/runtime-context.ts';

export interface Output<T> {
  collect(record: T): void;
}

export interface OperatorContext {
  readonly runtimeContext: RuntimeContext;
  /** Directory the job was submitted from: relative paths in connectors resolve against it. */
  readonly jobCwd: string;
}

export interface StreamOperator<IN, OUT> {
  open(context: OperatorContext, output: Output<OUT>): void | Promise<void>;
  processElement(record: IN): void;
  /** End of input: emit whatever is still buffered. Called head to tail. */
  finish(): void | Promise<void>;
  /** Release resources; also called after a failure or a cancellation. */
  close(): void | Promise<void>;
}

/** An operator with two inputs (after `connect`): each record arrives by the input it came on. */
export interface TwoInputStreamOperator<IN1, IN2, OUT> {
  open(context: OperatorContext, output: Output<OUT>): void | Promise<void>;
  processElement1(record: IN1): void;
  processElement2(record: IN2): void;
  finish(): void | Promise<void>;
  close(): void | Promise<void>;
}

/** What a source emits into: `collect` returns a promise while the outputs are backpressured. */
export interface SourceOutput<T> {
  collect(record: T): void | Promise<void>;
}

export interface SourceOperator<OUT> {
  open(context: OperatorContext): void | Promise<void>;
  /** Resolves when a bounded source is exhausted or when `cancel` was called. */
  run(output: SourceOutput<OUT>): Promise<void>;
  cancel(): void;
  close(): void | Promise<void>;
}
