// Builds an operator factory around a user function object. Flink hands every operator
// instance its own deserialized copy of the function as the job declared it; Sluice never
// serializes functions: each worker thread evaluates the job itself, and the first instance
// takes the function as the job built it. A further instance in the same evaluation (a new
// attempt deployed to the same worker after a restart, or tests running a graph in one
// thread) gets a shallow copy (same prototype, own fields copied) of the function as it was
// declared, never of an instance that ran: a restarted source must not inherit its failed
// attempt's `running = false`. A function that needs per-subtask objects (buffers, clients)
// should create them in `open()`, not in its constructor; ES private fields (`#x`) do not
// survive such a copy, TypeScript's `private` does.
import { shallowCopy } from '../operators/shallow-copy.ts';

export function perSubtaskOperator<F extends object, O>(userFunction: F, operatorFor: (instance: F) => O): () => O {
  const declared = shallowCopy(userFunction);
  let instances = 0;
  return () => operatorFor(instances++ === 0 ? userFunction : shallowCopy(declared));
}
