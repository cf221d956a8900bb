// How an operator names itself in errors: `operator "Process" in Map -> Process (2/4)`.
import type { OperatorContext } from './stream-operator.ts';

export function operatorDescription({ operatorName, runtimeContext }: OperatorContext): string {
  return `operator "${operatorName}" in ${runtimeContext.getTaskName()} (${runtimeContext.getIndexOfThisSubtask() + 1}/${runtimeContext.getNumberOfParallelSubtasks()})`;
}
