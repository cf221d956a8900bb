// StreamGraph → JobGraph with Flink's chaining rule: an operator joins its input's chain
// when the edge is forward, the parallelisms match, it has that one input only (so the
// consumer of a union and a two-input operator always head a chain), both
// operators allow chaining, they are in one slot sharing group and chaining is enabled for the job. Records inside a chain
// pass by direct calls; only the edges between chains go over the network.
import type { JobEdge, JobGraph, JobVertex } from './job-graph.ts';
import type { StreamEdge, StreamGraph } from './stream-graph.ts';

export function toJobGraph(graph: StreamGraph): JobGraph {
  const chainHeadOf = new Map<string, string>();
  const chainedEdges = new Set<StreamEdge>();
  const vertices = new Map<string, JobVertex>();
  for (const node of graph.nodes.values()) {
    const inputs = graph.inEdges(node.id);
    const chainedInput = inputs.length === 1 && isChainable(inputs[0], graph) ? inputs[0] : undefined;
    if (chainedInput) {
      chainedEdges.add(chainedInput);
      const headId = chainHeadOf.get(chainedInput.sourceId)!;
      chainHeadOf.set(node.id, headId);
      const vertex = vertices.get(headId)!;
      vertex.operatorIds.push(node.id);
      vertex.name += ` -> ${node.name}`;
    } else {
      chainHeadOf.set(node.id, node.id);
      vertices.set(node.id, {
        id: node.id,
        name: node.name,
        parallelism: node.parallelism,
        maxParallelism: node.maxParallelism,
        operatorIds: [node.id],
        isSource: node.isSource,
        slotSharingGroup: node.slotSharingGroup,
      });
    }
  }
  const edges: JobEdge[] = graph.edges
    .filter((edge) => !chainedEdges.has(edge))
    .map((edge, index) => ({
      id: `e${index}`,
      sourceVertex: chainHeadOf.get(edge.sourceId)!,
      targetVertex: chainHeadOf.get(edge.targetId)!,
      sourceOperator: edge.sourceId,
      targetOperator: edge.targetId,
      partitioner: edge.partitioner,
      targetInput: edge.targetInput,
      ...(edge.outputTag === undefined ? {} : { outputTag: edge.outputTag }),
    }));
  return {
    jobName: graph.jobName,
    vertices: [...vertices.values()],
    edges,
    bufferTimeoutMs: graph.bufferTimeoutMs,
    fingerprint: graph.fingerprint(),
    ...(graph.checkpointing ? { checkpointing: graph.checkpointing } : {}),
    ...(graph.restartStrategy ? { restartStrategy: graph.restartStrategy } : {}),
    ...(graph.failoverStrategy ? { failoverStrategy: graph.failoverStrategy } : {}),
    ...(graph.stateBackend ? { stateBackend: graph.stateBackend } : {}),
  };
}

function isChainable(edge: StreamEdge, graph: StreamGraph): boolean {
  const upstream = graph.node(edge.sourceId);
  const downstream = graph.node(edge.targetId);
  return (
    graph.chainingEnabled &&
    edge.partitioner === 'forward' &&
    upstream.parallelism === downstream.parallelism &&
    // One vertex has one key-group count.
    upstream.maxParallelism === downstream.maxParallelism &&
    upstream.slotSharingGroup === downstream.slotSharingGroup &&
    upstream.chainingStrategy !== 'never' &&
    downstream.chainingStrategy === 'always'
  );
}
