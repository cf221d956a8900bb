// The built-in rolling aggregations of KeyedStream, as ReduceFunctions with Flink's semantics:
// sum/min/max change one field of the first record seen for the key (the other fields keep
// that record's values); minBy/maxBy keep the whole record holding the extreme value, the
// earlier one on ties. A field is an array index (Flink's tuple position) or a property name;
// field 0 of a plain value (a stream of numbers) is the value itself, as in Flink.
import type { ReduceFunction } from '../functions/functions.ts';
import { shallowCopy } from './shallow-copy.ts';

export type AggregationType = 'sum' | 'min' | 'max' | 'minBy' | 'maxBy';
export type FieldExpression = number | string;

type Comparable = number | bigint | string;

export function aggregator<T>(type: AggregationType, field: FieldExpression): ReduceFunction<T> {
  const read = (record: T): Comparable => readField(record, field, type);
  switch (type) {
    case 'sum':
      return { reduce: (acc, next) => withField(acc, field, add(read(acc), read(next), type, field)) };
    case 'min':
      return { reduce: (acc, next) => (read(next) < read(acc) ? withField(acc, field, read(next)) : acc) };
    case 'max':
      return { reduce: (acc, next) => (read(next) > read(acc) ? withField(acc, field, read(next)) : acc) };
    case 'minBy':
      return { reduce: (acc, next) => (read(next) < read(acc) ? next : acc) };
    case 'maxBy':
      return { reduce: (acc, next) => (read(next) > read(acc) ? next : acc) };
  }
}

function readField(record: unknown, field: FieldExpression, type: AggregationType): Comparable {
  const value = typeof record === 'object' && record !== null ? (record as Record<FieldExpression, unknown>)[field] : field === 0 ? record : undefined;
  if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'string') return value;
  throw new Error(`${type}(${JSON.stringify(field)}): field ${JSON.stringify(field)} of record ${describe(record)} is ${value === undefined ? 'missing' : 'not a number or string'}`);
}

function add(a: Comparable, b: Comparable, type: AggregationType, field: FieldExpression): Comparable {
  if (typeof a === 'number' && typeof b === 'number') return a + b;
  if (typeof a === 'bigint' && typeof b === 'bigint') return a + b;
  throw new Error(`${type}(${JSON.stringify(field)}): cannot add ${typeof a} ${String(a)} and ${typeof b} ${String(b)}`);
}

function withField<T>(record: T, field: FieldExpression, value: Comparable): T {
  if (typeof record !== 'object' || record === null) return value as T;
  const copy = shallowCopy(record) as Record<FieldExpression, unknown>;
  copy[field] = value;
  return copy as T;
}

function describe(record: unknown): string {
  try {
    return JSON.stringify(record) ?? String(record);
  } catch {
    return String(record);
  }
}
