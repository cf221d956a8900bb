// Transformations → StreamGraph: resolves ids, parallelism and default partitioners, and
// rejects what cannot run (duplicate uids, parallelism out of range, forward across a
// change of parallelism) with the operator's name in the message.
import type { PartitionerType } from '../exchange/partitioner.ts';
import type { StateKeySelector } from '../operators/stream-operator.ts';
import { defaultSlotSharingGroup, StreamGraph, type InputIndex, type StreamEdge, type StreamGraphFields, type StreamNode } from './stream-graph.ts';
import type { Transformation, TransformationInput } from './transformation.ts';

export interface StreamGraphSettings {
  jobName: string;
  /** Parallelism of the operators that set none. */
  parallelism: number;
  maxParallelism: number;
  bufferTimeoutMs: number;
  chainingEnabled: boolean;
  autoWatermarkInterval: number;
  checkpointing?: StreamGraphFields['checkpointing'];
  restartStrategy?: StreamGraphFields['restartStrategy'];
  failoverStrategy?: StreamGraphFields['failoverStrategy'];
  stateBackend?: StreamGraphFields['stateBackend'];
  runtimeMode?: StreamGraphFields['runtimeMode'];
  globalJobParameters?: StreamGraphFields['globalJobParameters'];
}

export function generateStreamGraph(transformations: readonly Transformation[], settings: StreamGraphSettings): StreamGraph {
  if (transformations.length === 0) throw new Error(`job '${settings.jobName}': No operators defined in streaming topology. Cannot execute.`);
  const nodes = new Map<string, StreamNode>();
  const edges: StreamEdge[] = [];
  for (const transformation of transformations) {
    const node = toStreamNode(transformation, settings, nodes);
    const holder = nodes.get(node.id);
    if (holder) throw new Error(`job '${settings.jobName}': duplicate uid '${node.id}', used by operators '${holder.name}' and '${node.name}'`);
    nodes.set(node.id, node);
    const inEdges = transformation.inputs.map((input) => toStreamEdge(input, nodes.get(input.upstream.id)!, node));
    edges.push(...inEdges);
    node.stateKeySelector1 = stateKeySelector(inEdges, 1);
    node.stateKeySelector2 = stateKeySelector(inEdges, 2);
  }
  return new StreamGraph({ jobName: settings.jobName, nodes, edges, bufferTimeoutMs: settings.bufferTimeoutMs, chainingEnabled: settings.chainingEnabled,
    autoWatermarkInterval: settings.autoWatermarkInterval, checkpointing: settings.checkpointing, restartStrategy: settings.restartStrategy, failoverStrategy: settings.failoverStrategy, stateBackend: settings.stateBackend, runtimeMode: settings.runtimeMode,
    globalJobParameters: settings.globalJobParameters });
}

/**
 * An operator after keyBy is keyed on that input (Flink's state partitioner). A union may
 * feed one input from several edges: the input is keyed only when all of them hash by the
 * same selector (keyBy after the union), not when a keyed stream was merged with others.
 */
function stateKeySelector(inEdges: StreamEdge[], input: InputIndex): StateKeySelector | undefined {
  const selectors = new Set(inEdges.filter((edge) => edge.targetInput === input).map((edge) => edge.keySelector));
  return selectors.size === 1 ? selectors.values().next().value : undefined;
}

/** Flink's rule: the group set on the operator, else its inputs' group when they all agree, else 'default'. */
function slotSharingGroup(transformation: Transformation, nodes: Map<string, StreamNode>): string {
  if (transformation.slotSharingGroup !== undefined) return transformation.slotSharingGroup;
  const inputGroups = new Set(transformation.inputs.map((input) => nodes.get(input.upstream.id)!.slotSharingGroup));
  return inputGroups.size === 1 ? inputGroups.values().next().value! : defaultSlotSharingGroup;
}

function toStreamNode(transformation: Transformation, settings: StreamGraphSettings, nodes: Map<string, StreamNode>): StreamNode {
  const parallelism = transformation.parallelism ?? settings.parallelism;
  const maxParallelism = transformation.maxParallelism ?? settings.maxParallelism;
  if (parallelism > maxParallelism) {
    throw new Error(`${transformation.describe()}: parallelism ${parallelism} exceeds the maximum parallelism ${maxParallelism}`);
  }
  return {
    id: transformation.id,
    name: transformation.name,
    parallelism,
    maxParallelism,
    isSource: transformation.isSource,
    chainingStrategy: transformation.chainingStrategy,
    slotSharingGroup: slotSharingGroup(transformation, nodes),
    createOperator: transformation.createOperator,
  };
}

function toStreamEdge(input: TransformationInput, upstream: StreamNode, downstream: StreamNode): StreamEdge {
  const sameParallelism = upstream.parallelism === downstream.parallelism;
  const partitioner: PartitionerType = input.partitioner ?? (sameParallelism ? 'forward' : 'rebalance');
  if (partitioner === 'forward' && !sameParallelism) {
    throw new Error(
      `Forward partitioning does not allow change of parallelism. Upstream operation: '${upstream.name}' (${upstream.id}) parallelism ${upstream.parallelism}, ` +
        `downstream operation: '${downstream.name}' (${downstream.id}) parallelism ${downstream.parallelism}. Use another partitioning method, e.g. rebalance().`,
    );
  }
  const edge: StreamEdge = { sourceId: upstream.id, targetId: downstream.id, partitioner, targetInput: input.targetInput ?? 1 };
  if (input.keySelector) edge.keySelector = input.keySelector;
  if (input.channelSelector) edge.channelSelector = input.channelSelector;
  if (input.outputTag !== undefined) edge.outputTag = input.outputTag;
  return edge;
}
