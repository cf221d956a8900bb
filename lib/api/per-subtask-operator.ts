// Builds an operator factory around a user function object. Flink hands every operator
// instance its own deserialized copy of the function; Sluice never serializes functions,
// and a worker thread may run several subtasks of the same operator, so each operator
// instance gets a copy made here instead: same prototype, own fields copied. The copy is
// shallow, so a function that needs per-subtask objects (buffers, clients) should create
// them in `open()`, not in its constructor. ES private fields (`#x`) cannot be copied this
// way: function classes use TypeScript's `private` instead.
import { shallowCopy } from '../operators/shallow-copy.ts';

export function perSubtaskOperator<F extends object, O>(userFunction: F, operatorFor: (copy: F) => O): () => O {
  return () => operatorFor(shallowCopy(userFunction));
}
