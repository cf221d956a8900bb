// Flink's ReducingStateDescriptor: `new ReducingStateDescriptor('sum', (a, b) => a + b)`, with a
// ReduceFunction object or a lambda.
import type { ReduceFunction } from '../functions/functions.ts';
import { StateDescriptor } from './state-descriptor.ts';

export class ReducingStateDescriptor<T> extends StateDescriptor<T> {
  readonly type = 'reducing' as const;
  readonly reduceFunction: ReduceFunction<T>;

  constructor(name: string, reduceFunction: ReduceFunction<T> | ((value1: T, value2: T) => T)) {
    super(name, null);
    this.reduceFunction = typeof reduceFunction === 'function' ? { reduce: reduceFunction } : reduceFunction;
  }
}
