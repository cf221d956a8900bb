import type { CoFlatMapFunction } from '../functions/functions.ts';
import { closeUserFunction, openUserFunction } from './abstract-udf-stream-operator.ts';
import type { OperatorContext, Output, TwoInputStreamOperator } from './stream-operator.ts';

export class CoStreamFlatMap<IN1, IN2, OUT> implements TwoInputStreamOperator<IN1, IN2, OUT> {
  private output!: Output<OUT>;

  constructor(private readonly userFunction: CoFlatMapFunction<IN1, IN2, OUT>) {}

  async open(context: OperatorContext, output: Output<OUT>): Promise<void> {
    this.output = output;
    await openUserFunction(this.userFunction, context);
  }

  processElement1(record: IN1): void {
    this.userFunction.flatMap1(record, this.output);
  }

  processElement2(record: IN2): void {
    this.userFunction.flatMap2(record, this.output);
  }

  finish(): void {}

  close(): Promise<void> {
    return closeUserFunction(this.userFunction);
  }
}
