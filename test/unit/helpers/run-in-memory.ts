// Runs a whole StreamGraph in this process as one OperatorChain (the wiring StreamTask
// uses): one instance per operator (parallelism is ignored: every operator is subtask 0
// of 1), every edge a direct call. It tests operator semantics end to end without NATS;
// partitioning, the network and the watermark minimum over channels are not exercised.
import type { DataStream } from '../../../lib/api/data-stream.ts';
import { StreamingRuntimeContext } from '../../../lib/functions/runtime-context.ts';
import type { StreamGraph } from '../../../lib/graph/stream-graph.ts';
import { isSourceOperator, type SourceOperator } from '../../../lib/operators/stream-operator.ts';
import { StreamSourceContext } from '../../../lib/operators/stream-source-context.ts';
import { MAX_WATERMARK } from '../../../lib/operators/watermark.ts';
import { OperatorChain } from '../../../lib/runtime/operator-chain.ts';

export interface InMemoryRunOptions {
  jobCwd?: string;
  /** Called once every source is running, e.g. to cancel them. */
  onSourcesStarted?: (sources: SourceOperator<unknown>[]) => void;
}

export async function runInMemory(graph: StreamGraph, options: InMemoryRunOptions = {}): Promise<void> {
  const chain = new OperatorChain({
    streamGraph: graph,
    operatorIds: [...graph.nodes.keys()],
    networkOutput: (edge) => { throw new Error(`edge ${edge.sourceId} -> ${edge.targetId} leaves the in-memory chain`); },
    environment: (node) => ({
      jobCwd: options.jobCwd ?? process.cwd(),
      runtimeContext: new StreamingRuntimeContext({ jobId: 'in-memory', taskName: node.name, subtaskIndex: 0, parallelism: 1, maxParallelism: node.maxParallelism, attemptNumber: 0 }),
    }),
  });
  let ended = false;
  try {
    await chain.initializeStateAndOpenOperators();
    const sources = [...chain.operators].filter((entry): entry is [string, SourceOperator<unknown>] => isSourceOperator(entry[1]));
    const running = sources.map(async ([id, source]) => {
      const context = new StreamSourceContext(chain.outputOf(id), () => undefined);
      await source.run(context);
      context.emitWatermark(MAX_WATERMARK);
    });
    options.onSourcesStarted?.(sources.map(([, source]) => source));
    await Promise.all(running);
    await chain.finishOperators();
    ended = true;
  } finally {
    await chain.closeOperators(ended);
  }
}

/** Adds a sink collecting the stream's records into the returned array. */
export function collectInto<T>(stream: DataStream<T>): T[] {
  const records: T[] = [];
  stream.addSink((record) => records.push(record));
  return records;
}
