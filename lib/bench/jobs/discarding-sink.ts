// Flink's DiscardingSink: the benchmarks measure what reaches the sink, not what it does.
import { RichSinkFunction } from 'sluice';

export class DiscardingSink<T> extends RichSinkFunction<T> {
  invoke(): void {}
}
