// Flink's StreamTaskStateInitializer: gives each keyed operator of a task (one whose input
// comes through keyBy) its keyed state backend and timer services, scoped to the key groups
// this subtask owns. The state issue restores key groups here, before the operators open.
import { keyGroupRangeForOperator } from '../exchange/key-groups.ts';
import type { StreamNode } from '../graph/stream-graph.ts';
import { HeapKeyedStateBackend } from '../state/heap/heap-keyed-state-backend.ts';
import type { KeyedStateBackend } from '../state/keyed-state-backend.ts';
import { InternalTimeServiceManager } from '../time/internal-time-service-manager.ts';
import type { ProcessingTimeService } from '../time/processing-time-service.ts';

export interface StreamOperatorStateContext {
  keyedStateBackend: KeyedStateBackend<unknown>;
  timeServiceManager: InternalTimeServiceManager<unknown>;
}

export class StreamTaskStateInitializer {
  private readonly backends: KeyedStateBackend<unknown>[] = [];

  constructor(
    private readonly subtask: { subtaskIndex: number; parallelism: number },
    /** The task's clock: processing-time timers fire through its mailbox. */
    private readonly processingTimeService: ProcessingTimeService,
  ) {}

  /** The operator's keyed state and timers; undefined when no input of the operator is keyed. */
  streamOperatorStateContext(node: StreamNode): StreamOperatorStateContext | undefined {
    if (!node.stateKeySelector1 && !node.stateKeySelector2) return undefined;
    const { subtaskIndex, parallelism } = this.subtask;
    const description = `"${node.name}" (${subtaskIndex + 1}/${parallelism})`;
    const keyedStateBackend = new HeapKeyedStateBackend<unknown>({
      keyGroupRange: keyGroupRangeForOperator(node.maxParallelism, parallelism, subtaskIndex),
      numberOfKeyGroups: node.maxParallelism,
      description,
    });
    this.backends.push(keyedStateBackend);
    return { keyedStateBackend, timeServiceManager: new InternalTimeServiceManager(keyedStateBackend, this.processingTimeService, description) };
  }

  /** After the operators closed: no timer fires any more, and the backends let go of their state. */
  dispose(): void {
    this.processingTimeService.shutdownService();
    for (const backend of this.backends) backend.dispose();
  }
}
