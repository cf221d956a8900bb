// Runs a whole StreamGraph in this process through the operator test harness: one chain of
// every operator (parallelism is ignored: each is subtask 0 of 1), every edge a direct
// call. It tests operator semantics end to end without NATS; partitioning, the network and
// the watermark minimum over channels are not exercised.
import type { DataStream } from '../../../lib/api/data-stream.ts';
import type { StreamGraph } from '../../../lib/graph/stream-graph.ts';
import type { SourceOperator } from '../../../lib/operators/stream-operator.ts';
import { OperatorTestHarness } from './operator-test-harness.ts';

export interface InMemoryRunOptions {
  jobCwd?: string;
  /** Called once every source is running, e.g. to cancel them. */
  onSourcesStarted?: (sources: SourceOperator<unknown>[]) => void;
}

export async function runInMemory(graph: StreamGraph, options: InMemoryRunOptions = {}): Promise<void> {
  const harness = new OperatorTestHarness(graph, { jobCwd: options.jobCwd });
  try {
    await harness.open();
    await harness.runSources(options.onSourcesStarted);
  } catch (error) {
    await harness.close();
    throw error;
  }
  await harness.finishAndClose();
}

/** Adds a sink collecting the stream's records into the returned array. */
export function collectInto<T>(stream: DataStream<T>): T[] {
  const records: T[] = [];
  stream.addSink((record) => records.push(record));
  return records;
}
