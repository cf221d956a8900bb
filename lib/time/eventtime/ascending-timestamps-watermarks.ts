// Flink's AscendingTimestampsWatermarks: timestamps never decrease, so the watermark is the
// highest timestamp seen, minus 1 (more events with that timestamp may follow).
import { Duration } from '../duration.ts';
import { BoundedOutOfOrdernessWatermarks } from './bounded-out-of-orderness-watermarks.ts';

export class AscendingTimestampsWatermarks<T> extends BoundedOutOfOrdernessWatermarks<T> {
  constructor() {
    super(Duration.ZERO);
  }
}
