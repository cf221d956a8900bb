// How `keyBy` accepts a key: a KeySelector, a lambda, or a field (an array index, Flink's
// tuple position, or a property name). All become one function from record to key.
import type { KeySelector } from '../functions/functions.ts';
import type { FieldExpression } from '../operators/aggregators.ts';

export type KeyExpression<T, K> = KeySelector<T, K> | ((value: T) => K) | FieldExpression;

export function keyFunction<T, K>(key: KeyExpression<T, K>): (value: T) => K {
  if (typeof key === 'function') return key;
  if (typeof key === 'object') return (value) => key.getKey(value);
  return (value) => (value as Record<FieldExpression, K>)[key];
}
