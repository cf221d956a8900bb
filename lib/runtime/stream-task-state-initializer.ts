// Flink's StreamTaskStateInitializer: gives each keyed operator of a task (one whose input
// comes through keyBy) its keyed state backend and timer services, scoped to the key groups
// this subtask owns, and a runtime context whose getState reads that backend. The state
// issue restores key groups here, before the operators open.
import { keyGroupRangeForOperator } from '../exchange/key-groups.ts';
import { StreamingRuntimeContext, type SubtaskInfo } from '../functions/runtime-context.ts';
import type { StreamNode } from '../graph/stream-graph.ts';
import type { OperatorContext } from '../operators/stream-operator.ts';
import { HeapKeyedStateBackend } from '../state/heap/heap-keyed-state-backend.ts';
import { DefaultKeyedStateStore } from '../state/keyed-state-store.ts';
import { InternalTimeServiceManager } from '../time/internal-time-service-manager.ts';
import type { ProcessingTimeService } from '../time/processing-time-service.ts';

/** The part of an operator's context that depends on whether it is keyed. */
export type StreamOperatorStateContext = Pick<OperatorContext, 'runtimeContext' | 'keyedStateBackend' | 'timeServiceManager'>;

export class StreamTaskStateInitializer {
  private readonly backends: HeapKeyedStateBackend<unknown>[] = [];

  /** The task's clock: processing-time timers fire through its mailbox. */
  constructor(private readonly processingTimeService: ProcessingTimeService) {}

  /** A keyed operator gets its state and timers; any other gets a runtime context whose getState refuses. */
  streamOperatorStateContext(node: StreamNode, subtask: SubtaskInfo): StreamOperatorStateContext {
    if (!node.stateKeySelector1 && !node.stateKeySelector2) return { runtimeContext: new StreamingRuntimeContext(subtask, node.name) };
    const { subtaskIndex, parallelism, maxParallelism } = subtask;
    const description = `"${node.name}" (${subtaskIndex + 1}/${parallelism})`;
    const keyedStateBackend = new HeapKeyedStateBackend<unknown>({
      keyGroupRange: keyGroupRangeForOperator(maxParallelism, parallelism, subtaskIndex),
      numberOfKeyGroups: maxParallelism,
      description,
    });
    this.backends.push(keyedStateBackend);
    return {
      runtimeContext: new StreamingRuntimeContext(subtask, node.name, new DefaultKeyedStateStore(keyedStateBackend)),
      keyedStateBackend,
      timeServiceManager: new InternalTimeServiceManager(keyedStateBackend, this.processingTimeService, description),
    };
  }

  /** After the operators closed: no timer fires any more, and the backends let go of their state. */
  dispose(): void {
    this.processingTimeService.shutdownService();
    for (const backend of this.backends) backend.dispose();
  }
}
