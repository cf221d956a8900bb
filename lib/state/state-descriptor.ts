// What a function asks for when it requests state (Flink's StateDescriptor): a name that is
// unique within the operator and the kind of state. The backend creates the state from it; the
// name is how a snapshot's values find their state again after a restore.

/** The kinds of keyed state; the state issue adds 'list', 'map', 'reducing' and 'aggregating'. */
export type StateDescriptorType = 'value';

export abstract class StateDescriptor<T> {
  abstract readonly type: StateDescriptorType;

  constructor(
    readonly name: string,
    /** Returned when a key has no value. Shared by every key: do not mutate it. */
    readonly defaultValue: T | null = null,
  ) {
    if (typeof name !== 'string' || name === '') throw new TypeError('a state descriptor needs a non-empty name');
  }
}
