// The base of every partitioned state a user function gets from its RuntimeContext (Flink's
// State): the value is scoped to the current key (and, inside the runtime, a namespace).

export interface State {
  /** Removes the value of the current key (and namespace). */
  clear(): void;
}
