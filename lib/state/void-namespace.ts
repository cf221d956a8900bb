// The namespace of state that has none (Flink's VoidNamespace): what `getState` gives a user
// function. Windows use their window as the namespace instead. It is null so that it is its own
// map key and survives a snapshot as plain data.

export type VoidNamespace = null;
export const VoidNamespace: VoidNamespace = null;
