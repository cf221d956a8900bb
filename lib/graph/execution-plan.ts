// Flink's execution plan (`env.getExecutionPlan()`): the StreamGraph as the JSON that Flink's
// plan visualizer reads. Nodes are numbered from 1 in creation order; an edge names its
// partitioner as Flink prints it, and every input is on the "second" side, as Flink writes it.
import type { StreamGraph, StreamNode } from './stream-graph.ts';

interface PlanNode {
  id: number;
  type: string;
  pact: 'Data Source' | 'Operator' | 'Data Sink';
  contents: string;
  parallelism: number;
  predecessors?: Array<{ id: number; ship_strategy: string; side: 'second' }>;
}

function prefixed(prefix: string, name: string): string {
  return name.startsWith(prefix) ? name : `${prefix}${name}`;
}

export function executionPlan(graph: StreamGraph): string {
  const numbers = new Map([...graph.nodes.keys()].map((id, i) => [id, i + 1]));
  const describe = (node: StreamNode): PlanNode => {
    const inEdges = graph.inEdges(node.id);
    const isSink = !node.isSource && graph.outEdges(node.id).length === 0;
    const name = node.isSource ? prefixed('Source: ', node.name) : isSink ? prefixed('Sink: ', node.name) : node.name;
    return {
      id: numbers.get(node.id)!,
      type: name,
      pact: node.isSource ? 'Data Source' : isSink ? 'Data Sink' : 'Operator',
      contents: name,
      parallelism: node.parallelism,
      ...(inEdges.length > 0
        ? { predecessors: inEdges.map((edge) => ({ id: numbers.get(edge.sourceId)!, ship_strategy: edge.partitioner.toUpperCase(), side: 'second' as const })) }
        : {}),
    };
  };
  return JSON.stringify({ nodes: [...graph.nodes.values()].map(describe) }, null, 2);
}
