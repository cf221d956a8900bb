// Flink's TimestampsAndWatermarksOperator, the operator of `assignTimestampsAndWatermarks`:
// stamps each record with its WatermarkStrategy's timestamp assigner, shows it to the
// WatermarkGenerator (`onEvent`), and asks the generator for a watermark every
// auto-watermark interval (`onPeriodicEmit`, a processing-time timer that fires as a mail).
// Watermarks and watermark status from upstream are dropped: this operator defines event
// time from here on. Only the end of event time (MAX) passes, so every window downstream fires.
import { inspect } from 'node:util';
import type { TimestampAssigner } from '../time/eventtime/timestamp-assigner.ts';
import { Watermark } from '../time/eventtime/watermark.ts';
import type { WatermarkGenerator } from '../time/eventtime/watermark-generator.ts';
import type { WatermarkOutput } from '../time/eventtime/watermark-output.ts';
import type { WatermarkStrategy } from '../time/eventtime/watermark-strategy.ts';
import type { Cancellable } from '../time/processing-time-service.ts';
import { AbstractStreamOperator } from './abstract-stream-operator.ts';
import { operatorDescription } from './operator-description.ts';
import type { OneInputStreamOperator, OperatorContext, Output } from './stream-operator.ts';
import { StreamRecord } from './stream-record.ts';
import { MAX_WATERMARK, MIN_WATERMARK } from './watermark.ts';

export class TimestampsAndWatermarksOperator<T> extends AbstractStreamOperator<T> implements OneInputStreamOperator<T, T> {
  private readonly reuse = new StreamRecord<T>(undefined as T);
  private timestampAssigner!: TimestampAssigner<T>;
  private watermarkGenerator!: WatermarkGenerator<T>;
  private watermarkOutput!: WatermarkEmitter;
  private periodicEmit?: Cancellable;

  constructor(private readonly watermarkStrategy: WatermarkStrategy<T>) {
    super();
  }

  override open(context: OperatorContext, output: Output<T>): void {
    super.open(context, output);
    const clock = context.processingTimeService;
    this.timestampAssigner = this.watermarkStrategy.createTimestampAssigner();
    this.watermarkGenerator = this.watermarkStrategy.createWatermarkGenerator({
      getInputActivityClock: () => ({ relativeTimeMillis: () => clock.getCurrentProcessingTime() }),
    });
    this.watermarkOutput = new WatermarkEmitter(output);
    if (context.autoWatermarkInterval > 0) this.schedulePeriodicEmit();
  }

  processElement(record: StreamRecord<T>): void {
    const event = record.value;
    const timestamp = this.timestampAssigner.extractTimestamp(event, record.timestamp ?? MIN_WATERMARK);
    if (typeof timestamp !== 'number' || !Number.isFinite(timestamp)) this.failOnTimestamp(timestamp, record);
    this.output.collect(this.reuse.replace(event, timestamp));
    this.watermarkGenerator.onEvent(event, timestamp, this.watermarkOutput);
  }

  /** Upstream watermarks are dropped, except the end of event time. */
  override processWatermark(timestamp: number): void {
    if (timestamp === MAX_WATERMARK) this.watermarkOutput.emitWatermark(Watermark.MAX_WATERMARK);
  }

  /** Whether this input is idle is the generator's to say, not upstream's. */
  override processWatermarkStatus(): void {}

  override finish(): void {
    this.watermarkGenerator.onPeriodicEmit(this.watermarkOutput);
  }

  override close(): void {
    this.periodicEmit?.cancel();
  }

  private schedulePeriodicEmit(): void {
    const { processingTimeService, autoWatermarkInterval } = this.context;
    this.periodicEmit = processingTimeService.registerTimer(processingTimeService.getCurrentProcessingTime() + autoWatermarkInterval, () => {
      this.watermarkGenerator.onPeriodicEmit(this.watermarkOutput);
      this.schedulePeriodicEmit();
    });
  }

  private failOnTimestamp(timestamp: unknown, record: StreamRecord<T>): never {
    const hint = record.timestamp === undefined && timestamp === MIN_WATERMARK ? ' (the record has no timestamp of its own: use withTimestampAssigner)' : '';
    throw new Error(
      `${operatorDescription(this.context)}: the timestamp assigner returned ${inspect(timestamp)} for record ${inspect(record.value, { depth: 2, breakLength: Infinity, maxStringLength: 200 })}; ` +
        `a timestamp must be a finite number of ms since the epoch${hint}`,
    );
  }
}

/** The WatermarkOutput the generator emits into (Flink's WatermarkEmitter): only increasing watermarks pass; a watermark ends idleness. */
class WatermarkEmitter implements WatermarkOutput {
  private currentWatermark = MIN_WATERMARK;
  private idle = false;

  constructor(private readonly output: Output<unknown>) {}

  emitWatermark(watermark: Watermark): void {
    const timestamp = watermark.getTimestamp();
    if (timestamp <= this.currentWatermark) return;
    this.currentWatermark = timestamp;
    this.markActive();
    this.output.emitWatermark(timestamp);
  }

  markIdle(): void {
    if (this.idle) return;
    this.idle = true;
    this.output.emitWatermarkStatus('idle');
  }

  markActive(): void {
    if (!this.idle) return;
    this.idle = false;
    this.output.emitWatermarkStatus('active');
  }
}
