// Flink's StatusWatermarkValve: turns the watermarks and watermark status of one input's
// channels into that input's watermark and status. The input's watermark is the minimum
// over its active channels, and only increases. An idle channel does not hold it back; a
// channel coming back joins the minimum only once its watermark has caught up ("aligned").
// When the last active channel goes idle, the input is idle, and the maximum over all
// channels is released. The end of a channel makes its watermark MAX_WATERMARK, so a
// finished channel never holds back the others.
import { MAX_WATERMARK, MIN_WATERMARK, type WatermarkStatus } from '../operators/watermark.ts';

export interface ValveOutput {
  emitWatermark(timestamp: number): void;
  emitWatermarkStatus(status: WatermarkStatus): void;
}

interface ChannelStatus {
  watermark: number;
  idle: boolean;
  aligned: boolean;
}

export class StatusWatermarkValve {
  private readonly channels: ChannelStatus[];
  private lastOutputWatermark = MIN_WATERMARK;
  private idle = false;

  constructor(channelCount: number, private readonly output: ValveOutput) {
    this.channels = Array.from({ length: channelCount }, () => ({ watermark: MIN_WATERMARK, idle: false, aligned: true }));
  }

  inputWatermark(timestamp: number, channelIndex: number): void {
    const channel = this.channels[channelIndex]!;
    // A watermark from an idle channel, or while the whole input is idle, is ignored, as in Flink.
    if (this.idle || channel.idle || timestamp <= channel.watermark) return;
    channel.watermark = timestamp;
    if (!channel.aligned && timestamp >= this.lastOutputWatermark) channel.aligned = true;
    this.emitNewMinimumOfAlignedChannels();
  }

  inputWatermarkStatus(status: WatermarkStatus, channelIndex: number): void {
    const channel = this.channels[channelIndex]!;
    if (status === 'idle' && !channel.idle) {
      channel.idle = true;
      channel.aligned = false;
      if (!this.channels.some((c) => !c.idle)) {
        // No channel will advance any more: release everything seen so far.
        if (channel.watermark === this.lastOutputWatermark) this.emitMaximumOfAllChannels();
        this.idle = true;
        this.output.emitWatermarkStatus('idle');
      } else if (channel.watermark === this.lastOutputWatermark) {
        this.emitNewMinimumOfAlignedChannels();
      }
    } else if (status === 'active' && channel.idle) {
      channel.idle = false;
      if (channel.watermark >= this.lastOutputWatermark) channel.aligned = true;
      if (this.idle) {
        this.idle = false;
        this.output.emitWatermarkStatus('active');
      }
    }
  }

  /** The channel's end: it is done with event time. */
  endOfPartition(channelIndex: number): void {
    this.inputWatermarkStatus('active', channelIndex);
    this.inputWatermark(MAX_WATERMARK, channelIndex);
  }

  private emitNewMinimumOfAlignedChannels(): void {
    let minimum = MAX_WATERMARK;
    let anyAligned = false;
    for (const channel of this.channels) {
      if (!channel.aligned) continue;
      anyAligned = true;
      if (channel.watermark < minimum) minimum = channel.watermark;
    }
    if (anyAligned && minimum > this.lastOutputWatermark) {
      this.lastOutputWatermark = minimum;
      this.output.emitWatermark(minimum);
    }
  }

  private emitMaximumOfAllChannels(): void {
    let maximum = MIN_WATERMARK;
    for (const channel of this.channels) if (channel.watermark > maximum) maximum = channel.watermark;
    if (maximum > this.lastOutputWatermark) {
      this.lastOutputWatermark = maximum;
      this.output.emitWatermark(maximum);
    }
  }
}
