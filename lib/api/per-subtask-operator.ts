// Builds an operator factory around a user function object. Flink hands every operator
// instance its own deserialized copy of the function; Sluice never serializes functions:
// each worker thread evaluates the job itself and, with slot sharing, runs at most one
// subtask of an operator, so the first instance takes the function as the job built it.
// Any further instance in the same evaluation (tests running a graph in one thread) gets
// a shallow copy: same prototype, own fields copied. A function that needs per-subtask
// objects (buffers, clients) should create them in `open()`, not in its constructor;
// ES private fields (`#x`) do not survive such a copy, TypeScript's `private` does.
import { shallowCopy } from '../operators/shallow-copy.ts';

export function perSubtaskOperator<F extends object, O>(userFunction: F, operatorFor: (instance: F) => O): () => O {
  let instances = 0;
  return () => operatorFor(instances++ === 0 ? userFunction : shallowCopy(userFunction));
}
