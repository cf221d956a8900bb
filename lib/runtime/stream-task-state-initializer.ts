// Flink's StreamTaskStateInitializer: gives each keyed operator of a task (one whose input
// comes through keyBy) its keyed state backend and timer services, scoped to the key groups
// this subtask owns, from the job's StateBackend (heap or LevelDB), and a runtime context
// whose getState reads that backend. A restore loads the key groups of a checkpoint here,
// before the operators open; a checkpoint takes them here: the timers and the backend's
// synchronous part at once, the backend's asynchronous part (LevelDB) later.
import type { KeyGroupSnapshot } from '../checkpoint/task-state-snapshot.ts';
import { keyGroupRangeForOperator, type KeyGroupRange } from '../exchange/key-groups.ts';
import { StreamingRuntimeContext, type SubtaskInfo } from '../functions/runtime-context.ts';
import type { StreamNode } from '../graph/stream-graph.ts';
import type { OperatorContext } from '../operators/stream-operator.ts';
import { HashMapStateBackend } from '../state/heap/hash-map-state-backend.ts';
import type { KeyGroupStateSnapshot } from '../state/key-group-state-snapshot.ts';
import type { KeyedStateBackend } from '../state/keyed-state-backend.ts';
import type { StateBackend } from '../state/state-backend.ts';
import { DefaultKeyedStateStore } from '../state/keyed-state-store.ts';
import { InternalTimeServiceManager } from '../time/internal-time-service-manager.ts';
import type { ProcessingTimeService } from '../time/processing-time-service.ts';

/** The part of an operator's context that depends on whether it is keyed. */
export type StreamOperatorStateContext = Pick<OperatorContext, 'runtimeContext' | 'keyedStateBackend' | 'timeServiceManager'>;

export class StreamTaskStateInitializer {
  /** Each keyed operator's backend and timers, by operator id. */
  private readonly keyed = new Map<string, { backend: KeyedStateBackend<unknown>; timers: InternalTimeServiceManager<unknown>; range: KeyGroupRange }>();

  /** The task's clock: processing-time timers fire through its mailbox. */
  constructor(private readonly processingTimeService: ProcessingTimeService, private readonly stateBackend: StateBackend = new HashMapStateBackend()) {}

  /** A keyed operator gets its state and timers (`restored` loaded into them); any other gets a runtime context whose getState refuses. */
  async streamOperatorStateContext(node: StreamNode, subtask: SubtaskInfo, restored: readonly KeyGroupSnapshot[] = []): Promise<StreamOperatorStateContext> {
    if (!node.stateKeySelector1 && !node.stateKeySelector2) return { runtimeContext: new StreamingRuntimeContext(subtask, node.name) };
    const { subtaskIndex, parallelism, maxParallelism } = subtask;
    const description = `"${node.name}" (${subtaskIndex + 1}/${parallelism})`;
    const range = keyGroupRangeForOperator(maxParallelism, parallelism, subtaskIndex);
    const keyedStateBackend = await this.stateBackend.createKeyedStateBackend<unknown>({ keyGroupRange: range, numberOfKeyGroups: maxParallelism, description });
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

  /**
   * A keyed operator's state and timers, by key group (those that hold any); undefined for an
   * operator that is not keyed. A promise when the backend's snapshot has an asynchronous part.
   */
  snapshotKeyGroups(operatorId: string): KeyGroupSnapshot[] | Promise<KeyGroupSnapshot[]> | undefined {
    const keyed = this.keyed.get(operatorId);
    if (!keyed) return undefined;
    const timers = new Map<number, KeyGroupSnapshot['timers']>();
    for (let keyGroup = keyed.range.startKeyGroup; keyGroup <= keyed.range.endKeyGroup; keyGroup++) {
      const taken = keyed.timers.snapshotKeyGroup(keyGroup);
      if (Object.keys(taken.services).length > 0) timers.set(keyGroup, taken);
    }
    const state = keyed.backend.snapshot();
    return state instanceof Promise ? state.then((states) => byKeyGroup(states, timers)) : byKeyGroup(state, timers);
  }

  /** After the operators closed: no timer fires any more, and the backends let go of their state. */
  async dispose(): Promise<void> {
    this.processingTimeService.shutdownService();
    const backends = [...this.keyed.values()].map(({ backend }) => backend);
    this.keyed.clear();
    await Promise.all(backends.map((backend) => backend.dispose()));
  }
}

/** The key groups that hold state or timers, in key-group order. */
function byKeyGroup(states: KeyGroupStateSnapshot[], timers: Map<number, KeyGroupSnapshot['timers']>): KeyGroupSnapshot[] {
  const stateOf = new Map(states.map((state) => [state.keyGroup, state]));
  const keyGroups = [...new Set([...stateOf.keys(), ...timers.keys()])].sort((a, b) => a - b);
  return keyGroups.map((keyGroup) => ({
    keyGroup,
    state: stateOf.get(keyGroup) ?? { keyGroup, states: [] },
    timers: timers.get(keyGroup) ?? { keyGroup, services: {} },
  }));
}
