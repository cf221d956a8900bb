// One subtask of one JobVertex: its chain of operators, the writers of its outgoing edges
// and the input gate of its incoming ones. This is the data plane; the Subtask actor
// drives it (prepare, run, cancel) and reports to the JobMaster.
import type { NatsConnection } from 'nats';
import { StreamingRuntimeContext } from '../functions/runtime-context.ts';
import type { JobEdge, JobGraph, JobVertex } from '../graph/job-graph.ts';
import type { StreamGraph } from '../graph/stream-graph.ts';
import { InputGate, RecordWriter, type ChannelMessage, type KeySelector } from '../exchange/index.ts';
import { isSourceOperator } from '../operators/stream-operator.ts';
import { StreamRecord } from '../operators/stream-record.ts';
import { StreamSourceContext } from '../operators/stream-source-context.ts';
import { MAX_WATERMARK } from '../operators/watermark.ts';
import { OperatorChain } from './operator-chain.ts';
import type { OperatorInput } from './operator-input.ts';
import { RecordWriterOutput } from './record-writer-output.ts';
import type { JobId } from '../ids/addresses.ts';

export interface StreamTaskSpec {
  nc: NatsConnection;
  namespace: string;
  jobId: JobId;
  jobGraph: JobGraph;
  streamGraph: StreamGraph;
  vertex: JobVertex;
  subtaskIndex: number;
  attemptNumber: number;
  jobCwd: string;
}

export class StreamTask {
  /** Flink's name for a subtask: "Map -> Filter (2/4)". */
  readonly description: string;
  private readonly writers: RecordWriter[] = [];
  private gate?: InputGate;
  private chain!: OperatorChain;
  /** The chain's first operator: it takes the input, or it is the source. */
  private headId!: string;
  private failWith!: (error: Error) => void;
  private readonly failed = new Promise<never>((_, reject) => { this.failWith = reject; });
  private cancelled = false;

  constructor(private readonly spec: StreamTaskSpec) {
    const { vertex, subtaskIndex } = spec;
    this.description = `${vertex.name} (${subtaskIndex + 1}/${vertex.parallelism})`;
    this.failed.catch(() => undefined);
  }

  /** Subscribes every channel and opens the operators; after this, no record sent to us can be lost. */
  async prepare(): Promise<void> {
    const { spec } = this;
    const { vertex, streamGraph, jobGraph, subtaskIndex } = spec;
    const runtimeContext = new StreamingRuntimeContext({
      jobId: spec.jobId,
      taskName: vertex.name,
      subtaskIndex,
      parallelism: vertex.parallelism,
      maxParallelism: vertex.maxParallelism,
      attemptNumber: spec.attemptNumber,
    });
    this.headId = vertex.operatorIds[0]!;
    // Job edges keep the stream graph's order, so the n-th stream edge between two operators
    // is the n-th job edge between them: a stream unioned or connected with itself has two.
    const unwired = jobGraph.edges.filter((e) => e.sourceVertex === vertex.id);
    this.chain = new OperatorChain({
      streamGraph,
      operatorIds: vertex.operatorIds,
      networkOutput: (streamEdge) => {
        const at = unwired.findIndex((e) => e.sourceOperator === streamEdge.sourceId && e.targetOperator === streamEdge.targetId && e.outputTag === streamEdge.outputTag);
        const edge = unwired.splice(at, 1)[0]!;
        const writer = this.createWriter(edge, streamEdge.keySelector);
        this.writers.push(writer);
        return new RecordWriterOutput(writer, edge.outputTag);
      },
      environment: () => ({ runtimeContext, jobCwd: spec.jobCwd }),
    });
    const inputs = jobGraph.edges.filter((e) => e.targetVertex === vertex.id);
    if (inputs.length > 0) {
      const headInputs = [this.chain.input(this.headId, 1), ...(inputs.some((edge) => edge.targetInput === 2) ? [this.chain.input(this.headId, 2)] : [])];
      const inputOfEdge = new Map(inputs.map((edge) => [edge.id, headInputs[edge.targetInput - 1]!]));
      const reuse = new StreamRecord<unknown>(undefined);
      this.gate = new InputGate({
        nc: spec.nc,
        namespace: spec.namespace,
        jobId: spec.jobId,
        consumerIndex: subtaskIndex,
        inputs: inputs.map((edge) => ({
          edgeId: edge.id,
          producerCount: jobGraph.vertices.find((v) => v.id === edge.sourceVertex)!.parallelism,
        })),
        handler: (channel, message) => this.processInput(inputOfEdge.get(channel.edgeId)!, reuse, message),
        onError: (error) => this.failWith(error),
      });
    }
    await Promise.all([...this.writers.map((writer) => writer.open()), this.gate?.open()]);
    await this.chain.initializeStateAndOpenOperators();
  }

  private createWriter(edge: JobEdge, keySelector: KeySelector | undefined): RecordWriter {
    const { spec } = this;
    const { vertex, jobGraph, subtaskIndex } = spec;
    const consumer = jobGraph.vertices.find((v) => v.id === edge.targetVertex)!;
    return new RecordWriter({
      nc: spec.nc,
      namespace: spec.namespace,
      jobId: spec.jobId,
      edgeId: edge.id,
      producerIndex: subtaskIndex,
      consumerCount: consumer.parallelism,
      partitioner: edge.partitioner,
      maxParallelism: consumer.maxParallelism,
      keySelector,
      bufferTimeoutMs: jobGraph.bufferTimeoutMs,
      description: `edge "${vertex.name}" => "${consumer.name}", subtask ${subtaskIndex + 1}`,
      onError: (error) => this.failWith(error),
    });
  }

  /** Runs until the input ends (or the source is exhausted), then finishes the chain and ends every output channel. */
  async run(initialCredit?: number): Promise<void> {
    await Promise.race([this.runChain(initialCredit), this.failed]);
  }

  private async runChain(initialCredit?: number): Promise<void> {
    const head = this.chain.operator(this.headId);
    if (isSourceOperator(head)) {
      const context = new StreamSourceContext(this.chain.outputOf(this.headId), () => (this.isBackpressured() ? this.whenWritable() : undefined));
      await head.run(context);
      // A finished source ends event time, so that every event-time timer downstream fires.
      if (!this.cancelled) context.emitWatermark(MAX_WATERMARK);
    } else {
      this.gate!.start(initialCredit);
      await this.gate!.finished;
    }
    if (this.cancelled) return;
    await this.chain.finishOperators();
    await Promise.all(this.writers.map((writer) => writer.close()));
    await this.chain.closeOperators(true);
  }

  private async processInput(input: OperatorInput, reuse: StreamRecord<unknown>, message: ChannelMessage): Promise<void> {
    const records = message.records;
    if (records) {
      for (let i = 0; i < records.length; i++) input.processElement(reuse.replace(records[i]));
    }
    if (this.isBackpressured()) await this.whenWritable();
  }

  private isBackpressured(): boolean {
    for (const writer of this.writers) if (writer.isBackpressured) return true;
    return false;
  }

  private async whenWritable(): Promise<void> {
    await Promise.race([Promise.all(this.writers.map((writer) => writer.whenWritable())), this.failed]);
  }

  /** Stops the source or the input, drops what is in flight and releases the operators. */
  async cancel(): Promise<void> {
    if (this.cancelled) return;
    this.cancelled = true;
    const head = this.chain?.operator(this.headId);
    if (head && isSourceOperator(head)) head.cancel();
    this.gate?.cancel();
    for (const writer of this.writers) writer.cancel();
    this.failWith(new Error(`${this.description} was cancelled`));
    await this.chain?.closeOperators(false);
  }
}
