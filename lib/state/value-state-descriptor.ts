// Flink's ValueStateDescriptor: `new ValueStateDescriptor<number>('count', 0)`.
import { StateDescriptor } from './state-descriptor.ts';

export class ValueStateDescriptor<T> extends StateDescriptor<T> {
  readonly type = 'value' as const;
}
