// Flink's StreamTaskStateInitializer: gives each keyed operator of a task (one whose input
// comes through keyBy) its keyed state backend and timer services, scoped to the key groups
// this subtask owns, and a runtime context whose getState reads that backend. A restore
// loads the key groups of a checkpoint here, before the operators open; a checkpoint takes
// them here, one key group at a time.
import type { KeyGroupSnapshot } from '../checkpoint/task-state-snapshot.ts';
import { keyGroupRangeForOperator, type KeyGroupRange } from '../exchange/key-groups.ts';
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
  /** Each keyed operator's backend and timers, by operator id. */
  private readonly keyed = new Map<string, { backend: HeapKeyedStateBackend<unknown>; timers: InternalTimeServiceManager<unknown>; range: KeyGroupRange }>();

  /** The task's clock: processing-time timers fire through its mailbox. */
  constructor(private readonly processingTimeService: ProcessingTimeService) {}

  /** A keyed operator gets its state and timers (`restored` loaded into them); any other gets a runtime context whose getState refuses. */
  streamOperatorStateContext(node: StreamNode, subtask: SubtaskInfo, restored: readonly KeyGroupSnapshot[] = []): StreamOperatorStateContext {
    if (!node.stateKeySelector1 && !node.stateKeySelector2) return { runtimeContext: new StreamingRuntimeContext(subtask, node.name) };
    const { subtaskIndex, parallelism, maxParallelism } = subtask;
    const description = `"${node.name}" (${subtaskIndex + 1}/${parallelism})`;
    const range = keyGroupRangeForOperator(maxParallelism, parallelism, subtaskIndex);
    const keyedStateBackend = new HeapKeyedStateBackend<unknown>({ keyGroupRange: range, numberOfKeyGroups: maxParallelism, description });
    const timeServiceManager = new InternalTimeServiceManager(keyedStateBackend, this.processingTimeService, description);
    for (const { state, timers } of restored) {
      keyedStateBackend.restoreKeyGroup(state);
      timeServiceManager.restoreKeyGroup(timers);
    }
    this.keyed.set(node.id, { backend: keyedStateBackend, timers: timeServiceManager, range });
    return {
      runtimeContext: new StreamingRuntimeContext(subtask, node.name, new DefaultKeyedStateStore(keyedStateBackend)),
      keyedStateBackend,
      timeServiceManager,
    };
  }

  /** A keyed operator's state and timers, by key group (those that hold any); undefined for an operator that is not keyed. */
  snapshotKeyGroups(operatorId: string): KeyGroupSnapshot[] | undefined {
    const keyed = this.keyed.get(operatorId);
    if (!keyed) return undefined;
    const snapshots: KeyGroupSnapshot[] = [];
    for (let keyGroup = keyed.range.startKeyGroup; keyGroup <= keyed.range.endKeyGroup; keyGroup++) {
      const state = keyed.backend.snapshotKeyGroup(keyGroup);
      const timers = keyed.timers.snapshotKeyGroup(keyGroup);
      if (state.states.length > 0 || Object.keys(timers.services).length > 0) snapshots.push({ keyGroup, state, timers });
    }
    return snapshots;
  }

  /** After the operators closed: no timer fires any more, and the backends let go of their state. */
  dispose(): void {
    this.processingTimeService.shutdownService();
    for (const { backend } of this.keyed.values()) backend.dispose();
  }
}
