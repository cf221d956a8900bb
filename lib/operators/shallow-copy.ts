// A one-level copy that keeps the prototype, so class instances stay instances of their class.

export function shallowCopy<T extends object>(value: T): T {
  if (Array.isArray(value)) return value.slice() as T;
  return Object.assign(Object.create(Object.getPrototypeOf(value)) as T, value);
}
