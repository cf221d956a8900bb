// Runs a whole StreamGraph in this process, one instance per operator (parallelism is
// ignored: every operator is subtask 0 of 1), every edge a direct call. It tests operator
// semantics end to end without NATS; partitioning and the network are not exercised.
import type { DataStream } from '../../../lib/api/data-stream.ts';
import { StreamingRuntimeContext } from '../../../lib/functions/runtime-context.ts';
import type { StreamGraph, StreamNode } from '../../../lib/graph/stream-graph.ts';
import type { OperatorContext, SourceOperator, StreamOperator } from '../../../lib/operators/stream-operator.ts';

export interface InMemoryRunOptions {
  jobCwd?: string;
  /** Called once every source is running, e.g. to cancel them. */
  onSourcesStarted?: (sources: SourceOperator<unknown>[]) => void;
}

export async function runInMemory(graph: StreamGraph, options: InMemoryRunOptions = {}): Promise<void> {
  const nodes = [...graph.nodes.values()];
  const sources = new Map<string, SourceOperator<unknown>>();
  const operators = new Map<string, StreamOperator<unknown, unknown>>();
  for (const node of nodes) {
    const operator = node.createOperator();
    if (node.isSource) sources.set(node.id, operator as SourceOperator<unknown>);
    else operators.set(node.id, operator as StreamOperator<unknown, unknown>);
  }
  const emitTo = (nodeId: string) => {
    const targets = graph.outEdges(nodeId).map((edge) => operators.get(edge.targetId)!);
    return { collect: (record: unknown) => targets.forEach((target) => target.processElement(record)) };
  };
  const contextOf = (node: StreamNode): OperatorContext => ({
    jobCwd: options.jobCwd ?? process.cwd(),
    runtimeContext: new StreamingRuntimeContext({ jobId: 'in-memory', taskName: node.name, subtaskIndex: 0, parallelism: 1, maxParallelism: node.maxParallelism, attemptNumber: 0 }),
  });
  try {
    // Downstream first, so that no operator receives a record before it is open.
    for (const node of [...nodes].reverse()) {
      if (node.isSource) await sources.get(node.id)!.open(contextOf(node));
      else await operators.get(node.id)!.open(contextOf(node), emitTo(node.id));
    }
    const running = [...sources].map(([id, source]) => source.run(emitTo(id)));
    options.onSourcesStarted?.([...sources.values()]);
    await Promise.all(running);
    for (const node of nodes) await operators.get(node.id)?.finish();
  } finally {
    for (const node of nodes) await (sources.get(node.id) ?? operators.get(node.id))!.close();
  }
}

/** Adds a sink collecting the stream's records into the returned array. */
export function collectInto<T>(stream: DataStream<T>): T[] {
  const records: T[] = [];
  stream.addSink((record) => records.push(record));
  return records;
}
