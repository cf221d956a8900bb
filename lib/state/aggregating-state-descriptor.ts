// Flink's AggregatingStateDescriptor: `new AggregatingStateDescriptor('average', new Average())`.
import type { AggregateFunction } from '../functions/aggregate-function.ts';
import { StateDescriptor } from './state-descriptor.ts';

export class AggregatingStateDescriptor<IN, ACC, OUT> extends StateDescriptor<ACC> {
  readonly type = 'aggregating' as const;

  constructor(name: string, readonly aggregateFunction: AggregateFunction<IN, ACC, OUT>) {
    super(name, null);
  }
}
