// Flink's CombinedWatermarkStatus: the watermark of several inputs (an operator's two
// inputs, or the channels of one input) is the minimum over the inputs that are active;
// idle inputs do not hold it back. It only ever increases, and it is idle when every input is.
import { MIN_WATERMARK } from './watermark.ts';

export class CombinedWatermarkStatus {
  private readonly watermarks: number[];
  private readonly idle: boolean[];
  private combined = MIN_WATERMARK;
  private allIdle = false;

  constructor(inputCount: number) {
    this.watermarks = new Array<number>(inputCount).fill(MIN_WATERMARK);
    this.idle = new Array<boolean>(inputCount).fill(false);
  }

  get combinedWatermark(): number {
    return this.combined;
  }

  get isIdle(): boolean {
    return this.allIdle;
  }

  /** Records input `index`'s watermark; true when the combined watermark advanced. */
  setWatermark(index: number, timestamp: number): boolean {
    if (timestamp > this.watermarks[index]!) this.watermarks[index] = timestamp;
    return this.update();
  }

  /** Records input `index`'s status; true when the combined watermark advanced (an input going idle may release it). */
  setIdle(index: number, idle: boolean): boolean {
    this.idle[index] = idle;
    return this.update();
  }

  isInputIdle(index: number): boolean {
    return this.idle[index]!;
  }

  private update(): boolean {
    let minimum = Number.POSITIVE_INFINITY;
    let allIdle = true;
    for (let i = 0; i < this.watermarks.length; i++) {
      if (this.idle[i]) continue;
      allIdle = false;
      if (this.watermarks[i]! < minimum) minimum = this.watermarks[i]!;
    }
    this.allIdle = allIdle;
    if (allIdle || minimum <= this.combined) return false;
    this.combined = minimum;
    return true;
  }
}
