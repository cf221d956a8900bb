// Flink's StreamSource: runs a user SourceFunction. `run` resolves when the function's run
// does; `cancel` asks it to stop. Given a WatermarkStrategy (`fromSource`), it stamps records
// and generates watermarks itself, as Flink's SourceOperator does, so that the stream
// `fromSource` returns is the source's own (its uid, name and parallelism).
import type { SourceContext, SourceFunction } from '../functions/functions.ts';
import type { WatermarkStrategy } from '../time/eventtime/watermark-strategy.ts';
import { AbstractUdfStreamOperator } from './abstract-udf-stream-operator.ts';
import type { OperatorContext, Output, SourceOperator } from './stream-operator.ts';
import { TimestampsAndWatermarksOperator } from './timestamps-and-watermarks-operator.ts';

export class StreamSource<OUT> extends AbstractUdfStreamOperator<SourceFunction<OUT>, OUT> implements SourceOperator<OUT> {
  private readonly watermarks?: TimestampsAndWatermarksOperator<OUT>;

  constructor(userFunction: SourceFunction<OUT>, watermarkStrategy?: WatermarkStrategy<OUT>) {
    super(userFunction);
    if (watermarkStrategy) this.watermarks = new TimestampsAndWatermarksOperator(watermarkStrategy);
  }

  run(ctx: SourceContext<OUT>): Promise<void> {
    return this.userFunction.run(ctx);
  }

  cancel(): void {
    this.userFunction.cancel();
  }

  /** With a strategy, what the source emits goes through its timestamp assigner and watermark generator. */
  sourceOutput(output: Output<OUT>): Output<OUT> {
    const { watermarks } = this;
    if (!watermarks) return output;
    return {
      collect: (record) => watermarks.processElement(record),
      collectSide: (tag, record) => output.collectSide(tag, record),
      emitWatermark: (timestamp) => watermarks.processWatermark(timestamp),
      emitWatermarkStatus: () => watermarks.processWatermarkStatus(),
    };
  }

  override async open(context: OperatorContext, output: Output<OUT>): Promise<void> {
    await super.open(context, output);
    this.watermarks?.open(context, output);
  }

  override async finish(): Promise<void> {
    await super.finish();
    this.watermarks?.finish();
  }

  override async close(): Promise<void> {
    this.watermarks?.close();
    await super.close();
  }
}
