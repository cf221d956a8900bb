import type { CoMapFunction } from '../functions/functions.ts';
import { closeUserFunction, openUserFunction } from './abstract-udf-stream-operator.ts';
import type { OperatorContext, Output, TwoInputStreamOperator } from './stream-operator.ts';

export class CoStreamMap<IN1, IN2, OUT> implements TwoInputStreamOperator<IN1, IN2, OUT> {
  private output!: Output<OUT>;

  constructor(private readonly userFunction: CoMapFunction<IN1, IN2, OUT>) {}

  async open(context: OperatorContext, output: Output<OUT>): Promise<void> {
    this.output = output;
    await openUserFunction(this.userFunction, context);
  }

  processElement1(record: IN1): void {
    this.output.collect(this.userFunction.map1(record));
  }

  processElement2(record: IN2): void {
    this.output.collect(this.userFunction.map2(record));
  }

  finish(): void {}

  close(): Promise<void> {
    return closeUserFunction(this.userFunction);
  }
}
