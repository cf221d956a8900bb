// One subtask of one JobVertex: its chain of operators, the writers of its outgoing edges
// and the input gate of its incoming ones. This is the data plane; the Subtask actor
// drives it (prepare, run, cancel) and reports to the JobMaster.
import type { NatsConnection } from 'nats';
import { StreamingRuntimeContext } from '../functions/runtime-context.ts';
import type { AttemptNumbers } from '../graph/execution-graph.ts';
import type { JobGraph, JobVertex } from '../graph/job-graph.ts';
import type { StreamGraph } from '../graph/stream-graph.ts';
import { InputGate, RecordWriter, type ChannelMessage } from '../exchange/index.ts';
import type { Output, SourceOperator, StreamOperator } from '../operators/stream-operator.ts';
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
  /** The current attempt of every subtask of the job: channel subjects name both ends' attempts. */
  attemptNumbers: AttemptNumbers;
  jobCwd: string;
}

type AnyOperator = StreamOperator<unknown, unknown> | SourceOperator<unknown>;

function isSourceOperator(operator: AnyOperator): operator is SourceOperator<unknown> {
  return typeof (operator as SourceOperator<unknown>).run === 'function';
}

function fanOut(outputs: Output<unknown>[]): Output<unknown> {
  if (outputs.length === 1) return outputs[0]!;
  return { collect: (record) => { for (const output of outputs) output.collect(record); } };
}

export class StreamTask {
  /** Flink's name for a subtask: "Map -> Filter (2/4)". */
  readonly description: string;
  private readonly operators = new Map<string, AnyOperator>();
  private readonly writers: RecordWriter[] = [];
  private gate?: InputGate;
  /** The chain's first operator: it takes the input, or it is the source. */
  private head!: AnyOperator;
  /** Where the head emits: its chained successors and writers. */
  private headOutput!: Output<unknown>;
  private failWith!: (error: Error) => void;
  private readonly failed = new Promise<never>((_, reject) => { this.failWith = reject; });
  private cancelled = false;
  private closed = false;

  constructor(private readonly spec: StreamTaskSpec) {
    const { vertex, subtaskIndex } = spec;
    this.description = `${vertex.name} (${subtaskIndex + 1}/${vertex.parallelism})`;
    this.failed.catch(() => undefined);
  }

  /** Subscribes every channel and opens the operators; after this, no record sent to us can be lost. */
  async prepare(): Promise<void> {
    const { spec } = this;
    const { vertex, streamGraph, jobGraph, subtaskIndex } = spec;
    const members = new Set(vertex.operatorIds);
    for (const id of vertex.operatorIds) {
      const node = streamGraph.nodes.get(id);
      if (!node) throw new Error(`operator ${id} of "${vertex.name}" is missing from the rebuilt job graph`);
      this.operators.set(id, node.createOperator() as AnyOperator);
    }
    this.head = this.operators.get(vertex.operatorIds[0]!)!;
    const outputs = new Map<string, Output<unknown>[]>(vertex.operatorIds.map((id) => [id, []]));
    for (const edge of streamGraph.edges) {
      if (members.has(edge.sourceId) && members.has(edge.targetId)) {
        const target = this.operators.get(edge.targetId) as StreamOperator<unknown, unknown>;
        outputs.get(edge.sourceId)!.push({ collect: (record) => target.processElement(record) });
      }
    }
    for (const edge of jobGraph.edges.filter((e) => e.sourceVertex === vertex.id)) {
      const consumer = jobGraph.vertices.find((v) => v.id === edge.targetVertex)!;
      const streamEdge = streamGraph.edges.find((e) => e.sourceId === edge.sourceOperator && e.targetId === edge.targetOperator);
      const writer = new RecordWriter({
        nc: spec.nc,
        namespace: spec.namespace,
        jobId: spec.jobId,
        edgeId: edge.id,
        producerIndex: subtaskIndex,
        producerAttempt: spec.attemptNumber,
        consumerAttempts: spec.attemptNumbers[consumer.id]!,
        partitioner: edge.partitioner,
        maxParallelism: consumer.maxParallelism,
        keySelector: streamEdge?.keySelector,
        bufferTimeoutMs: jobGraph.bufferTimeoutMs,
        description: `edge "${vertex.name}" => "${consumer.name}", subtask ${subtaskIndex + 1}`,
        onError: (error) => this.failWith(error),
      });
      this.writers.push(writer);
      outputs.get(edge.sourceOperator)!.push({ collect: (record) => writer.emit(record) });
    }
    const inputs = jobGraph.edges.filter((e) => e.targetVertex === vertex.id);
    if (inputs.length > 0) {
      this.gate = new InputGate({
        nc: spec.nc,
        namespace: spec.namespace,
        jobId: spec.jobId,
        consumerIndex: subtaskIndex,
        consumerAttempt: spec.attemptNumber,
        inputs: inputs.map((edge) => ({ edgeId: edge.id, producerAttempts: spec.attemptNumbers[edge.sourceVertex]! })),
        handler: (_input, message) => this.processInput(message),
        onError: (error) => this.failWith(error),
      });
    }
    await Promise.all([...this.writers.map((writer) => writer.open()), this.gate?.open()]);
    const runtimeContext = new StreamingRuntimeContext({
      jobId: spec.jobId,
      taskName: vertex.name,
      subtaskIndex,
      parallelism: vertex.parallelism,
      maxParallelism: vertex.maxParallelism,
      attemptNumber: spec.attemptNumber,
    });
    const context = { runtimeContext, jobCwd: spec.jobCwd };
    for (const id of [...vertex.operatorIds].reverse()) {
      const operator = this.operators.get(id)!;
      const output = fanOut(outputs.get(id)!.length > 0 ? outputs.get(id)! : [{ collect: () => undefined }]);
      await (isSourceOperator(operator) ? operator.open(context) : operator.open(context, output));
      if (operator === this.head) this.headOutput = output;
    }
  }

  /** Runs until the input ends (or the source is exhausted), then finishes the chain and ends every output channel. */
  async run(initialCredit?: number): Promise<void> {
    await Promise.race([this.runChain(initialCredit), this.failed]);
  }

  private async runChain(initialCredit?: number): Promise<void> {
    const { head } = this;
    if (isSourceOperator(head)) {
      const output = this.headOutput;
      await head.run({
        collect: (record) => {
          output.collect(record);
          return this.isBackpressured() ? this.whenWritable() : undefined;
        },
      });
    } else {
      this.gate!.start(initialCredit);
      await this.gate!.finished;
    }
    if (this.cancelled) return;
    for (const id of this.spec.vertex.operatorIds) {
      const operator = this.operators.get(id)!;
      if (!isSourceOperator(operator)) await operator.finish();
    }
    await Promise.all(this.writers.map((writer) => writer.close()));
    await this.closeOperators();
  }

  private async processInput(message: ChannelMessage): Promise<void> {
    const records = message.records;
    if (records) {
      const head = this.head as StreamOperator<unknown, unknown>;
      for (let i = 0; i < records.length; i++) head.processElement(records[i]);
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
    for (const operator of this.operators.values()) if (isSourceOperator(operator)) operator.cancel();
    this.gate?.cancel();
    for (const writer of this.writers) writer.cancel();
    this.failWith(new Error(`${this.description} was cancelled`));
    await this.closeOperators();
  }

  /**
   * Closes every operator even when one fails. After a normal end the first error counts
   * (a sink that cannot flush has lost data); after a failure or a cancellation it would
   * only hide the failure that matters.
   */
  private async closeOperators(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    let firstError: unknown;
    for (const operator of this.operators.values()) {
      try {
        await operator.close();
      } catch (error) {
        firstError ??= error;
      }
    }
    if (firstError !== undefined && !this.cancelled) throw firstError;
  }
}
