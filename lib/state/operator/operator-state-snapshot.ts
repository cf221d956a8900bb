// Operator state as plain data (Flink's OperatorStateHandle): each state's entries and how they
// are redistributed when a restore changes the parallelism. This is what an operator with
// operator state returns from snapshotState and gets back as OperatorContext.restoredState.

/**
 * Flink's OperatorStateHandle.Mode. SPLIT_DISTRIBUTE: the lists of all subtasks are
 * concatenated and split evenly (getListState). UNION: every subtask gets all of them
 * (getUnionListState). BROADCAST: every subtask holds the same map (broadcast state).
 */
export type OperatorStateDistributionMode = 'SPLIT_DISTRIBUTE' | 'UNION' | 'BROADCAST';

export interface OperatorStateEntrySnapshot {
  name: string;
  mode: OperatorStateDistributionMode;
  /** List elements; for BROADCAST, the map's [key, value] pairs. */
  entries: unknown[];
}

export interface OperatorStateSnapshot {
  operatorStates: OperatorStateEntrySnapshot[];
}

/** Whether a restored operator snapshot is operator state (an operator may snapshot other data). */
export function isOperatorStateSnapshot(snapshot: unknown): snapshot is OperatorStateSnapshot {
  return typeof snapshot === 'object' && snapshot !== null && Array.isArray((snapshot as Partial<OperatorStateSnapshot>).operatorStates);
}
